package org.innovadores.participants;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/** The signed-in person's own preferences in a course: the language of the interface. */
@jakarta.enterprise.context.ApplicationScoped
@Path("course/profile")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ProfileResource {

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record Profile(Page page, ToolSession session, String csrf, String saved) {
    }

    @GET
    @Operation(hidden = true)
    public String profile(@QueryParam("s") String token, @QueryParam("saved") String saved) {
        ToolSession session = signedIn.require(token, headers);
        return pages.render("participants/profile.jte",
                new Profile(signedIn.page(session, "profile.title"), session, sessions.csrf(session), saved));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response chooseLanguage(@FormParam("s") String token, @FormParam("csrf") String csrf,
                                   @FormParam("language") String language) {
        ToolSession session = signedIn.requireForm(token, csrf, headers);
        if (!"es".equals(language) && !"en".equals(language)) {
            throw ClientError.badRequest("profile.error.language");
        }
        sessions.chooseLocale(session, language);
        return sessions.seeOther(session, "/course/profile?saved=1");
    }
}
