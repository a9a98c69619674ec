package org.innovadores.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Role;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseZone;
import org.innovadores.program.ProgramModule;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Texts;

/** The mentor's week: their teams, their review queue, open comments and last sessions. Mentors and instructors only. */
@ApplicationScoped
@Path("course/mentoring")
public class MentoringResource {

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    MentorWeek week;

    @Inject
    CourseZone zones;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record View(Page page, MentorWeek.Week week, String lang, ZoneId zone) {
        public String title(ProgramModule module) {
            return module.content().title().in(lang).text();
        }

        public String date(java.time.temporal.TemporalAccessor when) {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(page.t().locale());
            return when instanceof java.time.Instant instant ? format.format(instant.atZone(zone)) : format.format(when);
        }

        public String waited(Duration waited) {
            return page.t().format("cohort.waiting", waited.toDays(), waited.toHoursPart());
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String page(@QueryParam("s") String token) {
        Visit visit = courses.visit(token, headers);
        boolean instructor = visit.canAuthor();
        if (visit.session().role() != Role.MENTOR && !instructor) throw ClientError.forbidden("mentoring.error.notMentor");
        var program = visit.requireProgram();
        Page page = signedIn.page(visit.session(), "mentoring.title");
        Texts t = page.t();
        return pages.render("cohort/mentoring.jte", new View(page, week.of(program, visit.session().subject(), instructor), t.lang(),
                zones.of(program)));
    }
}
