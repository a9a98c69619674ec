package org.innovadores.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Tagged, accessible PDF (PDF/UA-1) from the tool's own HTML: the document's structure becomes the
 * PDF's tags, its fonts are embedded (DejaVu Sans, shipped with the tool, so "ñ" and "g̃" print
 * everywhere), and nothing is fetched from outside, so authored content cannot make the server
 * call a URL. Pictures are inline SVG.
 */
public final class Pdf {

    /** The one font family documents use; their CSS names it. */
    public static final String FONT = "DejaVu Sans";

    private static final String DOCUMENT_CSS = resource("/pdf/document.css");
    private static final String SVG_CSS = resource("/pdf/svg.css");

    private static volatile Path fonts;

    private Pdf() {
    }

    /** Writes {@code html} (a whole document with a title and a language) as PDF/UA to {@code out}. */
    public static void write(String html, OutputStream out) throws IOException {
        org.jsoup.nodes.Document parsed = Jsoup.parse(html);
        parsed.outputSettings().prettyPrint(false);
        parsed.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(DOCUMENT_CSS));
        for (org.jsoup.nodes.Element svg : parsed.select("svg")) {
            // The SVG renderer sees each picture alone, so each carries the pictures' colours itself.
            svg.prependElement("style").attr("type", "text/css").appendChild(new org.jsoup.nodes.DataNode(SVG_CSS));
            // The PDF's Figure tag takes its replacement text from "alt"; a page names its pictures with ARIA.
            // Drawn at its own size: the renderer scales an SVG's shapes to a width but not its text.
            String[] box = svg.attr("viewBox").trim().split("[\\s,]+");
            if (box.length == 4 && !svg.hasAttr("width")) svg.attr("width", box[2]).attr("height", box[3]);
            if (svg.hasAttr("alt")) continue;
            String alt = svg.attr("aria-label");
            for (String id : svg.attr("aria-labelledby").split("\\s+")) {
                org.jsoup.nodes.Element label = id.isBlank() ? null : parsed.getElementById(id);
                if (label != null) alt = (alt + " " + label.text()).strip();
            }
            svg.attr("alt", alt.isBlank() ? parsed.title() : alt);
        }
        Path dir = fonts();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Innovadores Públicos");
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        EnumSet<FSFontUseCase> uses = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL);
        builder.useFont(dir.resolve("DejaVuSans.ttf").toFile(), FONT, 400, FontStyle.NORMAL, true, uses);
        builder.useFont(dir.resolve("DejaVuSans-Bold.ttf").toFile(), FONT, 700, FontStyle.NORMAL, true, uses);
        builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        builder.withW3cDocument(new W3CDom().fromJsoup(parsed), "about:blank");
        builder.toStream(out);
        builder.run();
    }

    private static String resource(String name) {
        try (InputStream in = Pdf.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing from the application: " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fonts as files (the SVG renderer reads files only), copied once from the WAR, readable by the owner only. */
    private static Path fonts() {
        Path dir = fonts;
        if (dir != null) return dir;
        synchronized (Pdf.class) {
            if (fonts != null) return fonts;
            try {
                dir = Files.createTempDirectory("innovadores-fonts", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                for (String name : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
                    try (InputStream in = Pdf.class.getResourceAsStream("/fonts/" + name)) {
                        if (in == null) throw new IOException("font missing from the application: " + name);
                        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                    dir.resolve(name).toFile().deleteOnExit();
                }
                File folder = dir.toFile();
                folder.deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fonts = dir;
            return dir;
        }
    }
}
