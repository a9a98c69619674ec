package org.innovadores.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The tool's front door outside any LMS: what it is and where an LMS admin starts. */
@jakarta.enterprise.context.ApplicationScoped
@Path("")
public class HomeResource {

    @Inject
    Pages pages;

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String home(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Texts t = Texts.forAcceptLanguage(acceptLanguage);
        return pages.render("web/home.jte", Page.anonymous(t.get("home.title"), t));
    }
}
