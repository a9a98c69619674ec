package org.innovadores.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.lti.ToolUrls;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseZone;
import org.innovadores.program.Program;
import org.innovadores.program.Programs;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/**
 * A person's notices in their course (newest first; opening the list reads them), their e-mail
 * choice, and the address of the course's workshop calendar.
 */
@ApplicationScoped
@Path("course/notifications")
public class NotificationsResource {

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Notifications notifications;

    @Inject
    Mail mail;

    @Inject
    Programs programs;

    @Inject
    CourseZone zones;

    @Inject
    ToolUrls urls;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record Shown(Notifications.Notice notice, String line, String when) {
    }

    public record View(Page page, List<Shown> notices, Notifications.Person person, boolean mailOn, String calendarUrl, String csrf,
                       String notice) {
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String list(@QueryParam("s") String token, @QueryParam("notice") String notice) {
        Visit visit = courses.visit(token, headers);
        Program program = visit.requireProgram();
        String subject = visit.session().subject();
        List<Notifications.Notice> latest = notifications.latest(program, subject, 100);
        notifications.markAllRead(program, subject);
        Page page = signedIn.page(visit.session(), "notifications.title");
        Texts t = page.t();
        ZoneId zone = zones.of(program);
        List<Shown> shown = latest.stream().map(n -> new Shown(n, NoticeTexts.line(t, n.kind(), n.actor(), n.about()),
                t.dateTime(n.createdAt(), zone))).toList();
        Notifications.Person person = notifications.person(program, subject);
        String calendar = urls.base() + "/calendar/" + person.calendarToken() + ".ics";
        return pages.render("notifications/notifications.jte", new View(page, shown, person, mail.enabled(), calendar,
                sessions.csrf(visit.session()), "saved".equals(notice) ? notice : null));
    }

    /** Follows one notice: marks it read and goes where it points, inside the course. */
    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response open(@QueryParam("s") String token, @PathParam("id") String id) {
        Visit visit = courses.visit(token, headers);
        UUID notice = Ids.uuid(id);
        Notifications.Notice found = notifications.open(visit.requireProgram(), visit.session().subject(), notice)
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (!found.link().startsWith("/course")) throw ClientError.notFound("error.notFound");
        return sessions.seeOther(visit.session(), found.link());
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response settings(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("email") String email) {
        Visit visit = courses.visitForm(token, csrf, headers);
        if (!"on".equals(email) && !"off".equals(email)) throw ClientError.badRequest("error.badRequest");
        notifications.emailOff(visit.requireProgram(), visit.session().subject(), "off".equals(email));
        return sessions.seeOther(visit.session(), "/course/notifications?notice=saved");
    }
}
