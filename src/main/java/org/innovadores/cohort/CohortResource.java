package org.innovadores.cohort;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseZone;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramModule;
import org.innovadores.runtime.Now;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * The cohort page for the course's instructors and LMS administrators, and its export: people ×
 * modules × exercises as CSV (RFC 4180, UTF-8). Nobody else sees it, and it holds only this course.
 */
@ApplicationScoped
@Path("course/cohort")
public class CohortResource {

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    Cohort cohort;

    @Inject
    Pages pages;

    @Inject
    CourseZone zones;

    @Inject
    org.innovadores.participants.Sessions sessions;

    @Context
    HttpHeaders headers;

    @Inject
    org.innovadores.program.CourseLanguage languages;

    public record View(Page page, Cohort.Snapshot snapshot, String lang, String zone, String csrf, boolean zoneSaved,
                       String courseLanguage) {
        public String title(ProgramModule module) {
            return module.content().title().in(lang).text();
        }

        /** Each week by the day it starts, short enough for a chart: "30/11" / "11/30". */
        public java.util.List<String> weekLabels() {
            DateTimeFormatter format = DateTimeFormatter.ofPattern("es".equals(lang) ? "d/M" : "M/d", page.t().locale());
            return snapshot.weeks().stream().map(w -> format.format(w.start())).toList();
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String page(@QueryParam("s") String token, @QueryParam("notice") String notice) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Page page = signedIn.page(visit.session(), "cohort.title");
        Program program = visit.requireProgram();
        ZoneId zone = zones.of(program);
        return pages.render("cohort/cohort.jte", new View(page, cohort.of(program, zone), page.t().lang(), zone.getId(),
                sessions.csrf(visit.session()), "zone".equals(notice), languages.of(program)));
    }

    /**
     * The course's time zone, which workshop times, reminders and these weeks follow, and its language,
     * which the gradebook columns the tool creates are named in.
     */
    @POST
    @Path("zone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response zone(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("zone") String zone,
                         @FormParam("language") String language) {
        Visit visit = courses.authoring(signedIn.requireForm(token, csrf, headers));
        ZoneId chosen = CourseZone.parse(zone).orElseThrow(() -> ClientError.badRequest("cohort.zone.error"));
        String spoken = language == null ? null
                : org.innovadores.program.CourseLanguage.parse(language).orElseThrow(() -> ClientError.badRequest("cohort.language.error"));
        zones.set(visit.requireProgram(), chosen);
        if (spoken != null) languages.set(visit.requireProgram(), spoken);
        return sessions.seeOther(visit.session(), "/course/cohort?notice=zone#zone-heading");
    }

    @GET
    @Path("export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(hidden = true)
    public Response xlsx(@QueryParam("s") String token) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Cohort.Snapshot snapshot = cohort.of(visit.requireProgram());
        var texts = signedIn.texts(visit.session());
        ZoneId zone = zones.of(visit.requireProgram());
        StreamingOutput body = out -> CohortXlsx.write(snapshot, texts.lang(), zone, texts.get("cohort.sheet"), out);
        return Response.ok(body).header("Content-Disposition", attachment("xlsx", zone)).build();
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(hidden = true)
    public Response csv(@QueryParam("s") String token) {
        Visit visit = courses.authoring(signedIn.require(token, headers));
        Program program = visit.requireProgram();
        String csv = CohortCsv.write(cohort.of(program), signedIn.texts(visit.session()).lang());
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8)).header("Content-Disposition", attachment("csv", zones.of(program))).build();
    }

    /** A download named after the day it was made: cohorte-2026-12-01.csv. */
    private static String attachment(String extension, ZoneId zone) {
        return "attachment; filename=\"cohorte-" + DateTimeFormatter.ISO_LOCAL_DATE.format(Now.today(zone))
                + "." + extension + "\"";
    }
}
