package org.innovadores.certificates;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * The public check of a certificate by its code: anyone holding the certificate's URL sees what the
 * certificate shows and whether it stands or was revoked; nothing else about the person.
 */
@Path("certificates/{code}")
public class VerificationResource {

    @Inject
    Certificates certificates;

    @Inject
    Pages pages;

    public record Verification(Page page, Certificates.Certificate certificate) {
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(summary = "Check a certificate", description = "The certificate with that code as it was issued, and whether it was revoked; 404 when there is none.")
    public Response verify(@PathParam("code") String code, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Texts t = Texts.forAcceptLanguage(language);
        Certificates.Certificate c = Certificates.wellFormed(code) ? certificates.find(code).orElse(null) : null;
        Page page = Page.anonymous(t.get("certificates.verify.title"), t);
        return Response.status(c == null ? Response.Status.NOT_FOUND : Response.Status.OK)
                .entity(pages.render("certificates/verify.jte", new Verification(page, c))).type("text/html;charset=UTF-8").build();
    }
}
