package org.innovadores.certificates;

import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/** A certificate as a document, in the language it was issued in: the same for the PDF and for nobody else. */
public final class CertificateDocuments {

    /** The model of the document: the certificate, its page (language, formats) and where anyone can check it. */
    public record Document(Page page, Certificates.Certificate certificate, String verifyUrl) {
    }

    private CertificateDocuments() {
    }

    static String html(Pages pages, Certificates.Certificate c, String verifyUrl) {
        Texts t = Texts.forTag(c.language());
        return pages.render("certificates/document.jte", new Document(Page.anonymous(t.get("certificates.document.title"), t), c, verifyUrl));
    }
}
