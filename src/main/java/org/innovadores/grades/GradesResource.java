package org.innovadores.grades;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.lti.ServiceTokens;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * The gradebook as the tool sees it, for instructors and LMS administrators: the course's line items
 * and whether their scores go automatically or on release, how many scores wait, were sent or were
 * refused, each refusal with the LMS's reason and a button to send it again; and the roster refresh.
 */
@ApplicationScoped
@Path("course/grades")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class GradesResource {

    @Inject
    CourseProgram courses;

    @Inject
    CourseServices services;

    @Inject
    ScoreOutbox outbox;

    @Inject
    Roster roster;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Pages pages;

    @Inject
    LineItemLabels labels;

    @Context
    HttpHeaders headers;

    public record Gradebook(Page page, List<CourseServices.LineItem> lineItems, Map<String, Integer> counts,
                            List<ScoreOutbox.Entry> refused, boolean connected, String notice, String csrf,
                            Map<String, String> titles) {
        /** An item by its title in the reader's language; the LMS's column name, then the key, only for one the program no longer has. */
        public String title(String itemKey, String lmsLabel) {
            String title = titles.get(itemKey);
            return title != null ? title : lmsLabel != null ? lmsLabel : itemKey;
        }
    }

    @GET
    @Operation(hidden = true)
    public String page(@QueryParam("s") String token, @QueryParam("notice") String notice) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        UUID program = visit.requireProgram().id();
        Page page = signedIn.page(visit.session(), "grades.title");
        return pages.render("grades/grades.jte", new Gradebook(page,
                services.lineItems(program), outbox.counts(program), outbox.entries(program, "REFUSED"),
                services.services(program).isPresent(), notice, sessions.csrf(visit.session()), labels.titles(program, page.t().lang())));
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resend(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("id") String id) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        UUID score = Ids.uuid(id == null ? "" : id);
        if (!outbox.resend(visit.requireProgram().id(), score)) throw ClientError.notFound("error.notFound");
        return back(visit.session(), "/course/grades", "resent");
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response mode(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("item") String item,
                         @FormParam("mode") String mode) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        UUID program = visit.requireProgram().id();
        if (services.find(program, item).isEmpty()) throw ClientError.notFound("error.notFound");
        switch (mode == null ? "" : mode) {
            case "auto" -> {
                services.setRelease(program, item, false);
                outbox.release(program, item);
            }
            case "release" -> services.setRelease(program, item, true);
            case "send-now" -> outbox.release(program, item);
            default -> throw ClientError.badRequest("error.badRequest");
        }
        return back(visit.session(), "/course/grades", "saved");
    }

    @POST
    @Path("roster")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response refreshRoster(@FormParam("s") String token, @FormParam("csrf") String csrf) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        try {
            int count = roster.refresh(visit.requireProgram().id());
            return back(visit.session(), "/course/teams", "roster-" + count);
        } catch (ServiceTokens.Unavailable unavailable) {
            throw new ClientError(Response.Status.CONFLICT, "grades.error.roster", unavailable.getMessage());
        }
    }

    private Response back(ToolSession session, String path, String notice) {
        return sessions.seeOther(session, path + "?notice=" + notice);
    }
}
