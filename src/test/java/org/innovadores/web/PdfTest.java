package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfTest {

    static final String DOCUMENT = """
            <!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Portafolio del equipo Ñandutí</title>
            <style>body { font-family: 'DejaVu Sans'; } svg text { font-family: 'DejaVu Sans'; }</style></head>
            <body><h1>Portafolio del equipo Ñandutí</h1><p>Compañía, pingüino, ñe'ẽ, año 2026, 100%%.</p>
            <h2>Árbol de problemas</h2>
            <figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" width="200" height="60" role="img" aria-labelledby="tree-caption">
            <rect x="5" y="5" width="190" height="50" fill="#eef" stroke="#336"/><text x="100" y="35" text-anchor="middle">Demoras en turnos</text></svg>
            <figcaption id="tree-caption">Árbol de problemas</figcaption></figure>
            <table><caption>Actores</caption><thead><tr><th scope="col">#</th><th scope="col">Actor</th></tr></thead>
            <tbody><tr><td>1</td><td>Dirección del hospital</td></tr></tbody></table>
            <ul><li>Uno</li><li>Dos</li></ul><img src="http://127.0.0.1:%d/leak.png" alt="no se descarga"></body></html>
            """;

    @Test
    void aDocumentBecomesTaggedPdfWithItsTextAndFontsEmbedded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Pdf.write(DOCUMENT.formatted(listener.getLocalPort()), out);
            listener.setSoTimeout(200);
            // Authored content cannot make the server fetch a URL.
            org.assertj.core.api.Assertions.assertThatThrownBy(listener::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
        byte[] pdf = out.toByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Portafolio del equipo Ñandutí", "Compañía, pingüino", "Dirección del hospital");
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Portafolio del equipo Ñandutí");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("es");
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
        assertThat(PdfUa.failures(pdf)).isEmpty();
    }
}
