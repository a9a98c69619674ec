package org.innovadores.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.lti.ToolUrls;
import org.innovadores.program.CourseZone;
import org.innovadores.program.Program;
import org.innovadores.program.Programs;
import org.innovadores.web.ClientError;

/**
 * A course's workshop calendar, served to whoever holds a person's secret address: a calendar
 * application subscribes without an LMS session.
 */
@ApplicationScoped
@Path("calendar")
public class CalendarResource {

    @Inject
    Notifications notifications;

    @Inject
    Programs programs;

    @Inject
    CourseZone zones;

    @Inject
    ToolUrls urls;

    /** The workshops of the course as a calendar; the secret address is the only key, as calendar applications need. */
    @GET
    @Path("{token}.ics")
    @Produces("text/calendar;charset=UTF-8")
    @Operation(hidden = true)
    public Response calendar(@PathParam("token") String token, @QueryParam("lang") String lang) {
        UUID programId = notifications.courseOfCalendar(token).orElseThrow(() -> ClientError.notFound("error.notFound"));
        Program program = programs.find(programId).orElseThrow(() -> ClientError.notFound("error.notFound"));
        String language = "en".equals(lang) ? "en" : "es";
        String body = CalendarFeed.write(program.title().text(language), programs.publishedModules(program), zones.of(program), language,
                java.net.URI.create(urls.base()).getHost());
        return Response.ok(body).header("Cache-Control", "private, max-age=900").build();
    }
}
