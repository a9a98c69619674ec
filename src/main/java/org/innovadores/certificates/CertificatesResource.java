package org.innovadores.certificates;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.audit.AuditLog;
import org.innovadores.participants.Role;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.CourseProgram.Visit;
import org.innovadores.program.CourseZone;
import org.innovadores.program.Program;
import org.innovadores.program.Programs;
import org.innovadores.lti.ToolUrls;
import org.innovadores.teams.Teams;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;
import org.innovadores.web.Pdf;
import org.innovadores.web.Texts;

/**
 * A course's certificate page: participants see where they stand and get their certificate once they
 * meet the criteria; instructors set the criteria, see who meets them and revoke a certificate.
 */
@ApplicationScoped
@Path("course/certificate")
public class CertificatesResource {

    @Inject
    CourseProgram courses;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    Certificates certificates;

    @Inject
    Programs programs;

    @Inject
    Teams teams;

    @Inject
    CourseZone zones;

    @Inject
    ToolUrls urls;

    @Inject
    AuditLog audit;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    /** A participant as the teaching team sees them against the rule. */
    public record Row(String name, Certificates.Standing standing, Certificates.Certificate certificate) {
    }

    public record View(Page page, String csrf, boolean lead, int modules, Optional<Certificates.Rule> rule,
                       Certificates.Standing mine, Certificates.Certificate certificate, String verifyUrl,
                       List<Row> people, List<Certificates.Certificate> issued, List<String> problems,
                       String modulesValue, String exercisesValue, String hoursValue, String notice) {
        public String verifyUrl(Certificates.Certificate c) {
            return verifyUrl + c.code();
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String show(@QueryParam("s") String token, @QueryParam("notice") String notice) {
        Visit visit = courses.visit(token, headers);
        visit.requireProgram();
        return render(visit, List.of(), null, null, null, notice == null || !notice.matches("[a-z]{1,20}") ? null : notice);
    }

    @POST
    @Path("rule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public Response rule(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("modules") String modules,
                         @FormParam("exercises") String exercises, @FormParam("hours") String hours) {
        Visit visit = courses.authoring(courses.visitForm(token, csrf, headers).session());
        Program program = visit.requireProgram();
        Texts t = signedIn.texts(visit.session());
        List<String> problems = new ArrayList<>();
        int total = programs.publishedModules(program).size();
        Integer m = number(modules, 0, total, t.format("certificates.problem.modules", total), problems);
        Integer e = number(exercises, 0, 200, t.get("certificates.problem.exercises"), problems);
        Integer h = number(hours, 1, 2000, t.get("certificates.problem.hours"), problems);
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(render(visit, problems, modules, exercises, hours, null)).build();
        }
        certificates.setRule(program.id(), new Certificates.Rule(m, e, h), visit.session().subject());
        audit.record(visit.session().subject(), "certificate.rule", program.id() + " modules=" + m + " exercises=" + e + " hours=" + h);
        return sessions.seeOther(visit.session(), "/course/certificate?notice=rule#rule");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response issue(@FormParam("s") String token, @FormParam("csrf") String csrf) {
        Visit visit = courses.visitForm(token, csrf, headers);
        Program program = visit.requireProgram();
        if (visit.session().role() != Role.PARTICIPANT) throw ClientError.forbidden("certificates.error.participantsOnly");
        Certificates.Rule rule = certificates.rule(program.id())
                .orElseThrow(() -> new ClientError(Response.Status.CONFLICT, "certificates.error.noRule"));
        if (certificates.of(program.id(), visit.session().subject()).isPresent()) {
            throw new ClientError(Response.Status.CONFLICT, "certificates.error.already");
        }
        if (!certificates.standing(program.id(), visit.session().subject(), rule).eligible()) {
            throw new ClientError(Response.Status.CONFLICT, "certificates.error.notYet");
        }
        Texts t = signedIn.texts(visit.session());
        String course = visit.session().contextTitle() == null ? "" : visit.session().contextTitle();
        Certificates.Certificate issued = certificates.issue(program.id(), visit.session().subject(), visit.session().displayName(),
                program.title().text(t.lang()), course, rule.hours(), t.lang(), zones.of(program));
        audit.record(visit.session().subject(), "certificate.issued", issued.code());
        return sessions.seeOther(visit.session(), "/course/certificate?notice=issued#mine");
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response pdf(@QueryParam("s") String token) {
        Visit visit = courses.visit(token, headers);
        Certificates.Certificate c = certificates.of(visit.requireProgram().id(), visit.session().subject())
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        String html = CertificateDocuments.html(pages, c, urls.base() + "/certificates/" + c.code());
        StreamingOutput body = out -> Pdf.write(html, out);
        return Response.ok(body, "application/pdf").header("Content-Disposition", "attachment; filename=\""
                + Texts.forTag(c.language()).get("certificates.file") + "-" + c.code() + ".pdf\"").build();
    }

    @POST
    @Path("{code}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public Response revoke(@FormParam("s") String token, @FormParam("csrf") String csrf, @PathParam("code") String code,
                           @FormParam("reason") String reason) {
        Visit visit = courses.authoring(courses.visitForm(token, csrf, headers).session());
        Program program = visit.requireProgram();
        Certificates.Certificate c = Certificates.wellFormed(code) ? certificates.find(code).filter(x -> x.programId().equals(program.id()))
                .orElse(null) : null;
        if (c == null) throw ClientError.notFound("error.notFound");
        if (c.revoked()) throw new ClientError(Response.Status.CONFLICT, "certificates.error.revoked");
        if (reason == null || reason.isBlank()) {
            Texts t = signedIn.texts(visit.session());
            return Response.status(Response.Status.BAD_REQUEST).entity(render(visit, List.of(t.format("certificates.problem.reason", c.holder())),
                    null, null, null, null)).build();
        }
        certificates.revoke(program.id(), code, visit.session().subject(), reason);
        audit.record(visit.session().subject(), "certificate.revoked", code);
        return sessions.seeOther(visit.session(), "/course/certificate?notice=revoked#issued");
    }

    private String render(Visit visit, List<String> problems, String modules, String exercises, String hours, String notice) {
        Program program = visit.requireProgram();
        Page page = signedIn.page(visit.session(), "certificates.title");
        Optional<Certificates.Rule> rule = certificates.rule(program.id());
        boolean lead = visit.canAuthor();
        String subject = visit.session().subject();
        Certificates.Standing mine = rule.map(r -> certificates.standing(program.id(), subject, r)).orElse(null);
        List<Row> people = new ArrayList<>();
        List<Certificates.Certificate> issued = lead ? certificates.all(program.id()) : List.of();
        if (lead && rule.isPresent()) {
            for (Teams.Person p : teams.people(program.id())) {
                if (!Role.PARTICIPANT.name().equals(p.role())) continue;
                people.add(new Row(p.name(), certificates.standing(program.id(), p.subject(), rule.get()),
                        issued.stream().filter(c -> c.subject().equals(p.subject())).findFirst().orElse(null)));
            }
        }
        return pages.render("certificates/certificate.jte", new View(page, sessions.csrf(visit.session()), lead,
                programs.publishedModules(program).size(), rule, mine, certificates.of(program.id(), subject).orElse(null),
                urls.base() + "/certificates/", people, issued, problems,
                modules != null ? modules : rule.map(r -> String.valueOf(r.modulesCompleted())).orElse(""),
                exercises != null ? exercises : rule.map(r -> String.valueOf(r.exercisesAccepted())).orElse(""),
                hours != null ? hours : rule.map(r -> String.valueOf(r.hours())).orElse(""), notice));
    }

    private static Integer number(String value, int min, int max, String problem, List<String> problems) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem);
        return null;
    }
}
