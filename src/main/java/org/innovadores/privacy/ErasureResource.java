package org.innovadores.privacy;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Role;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * An LMS administrator erases a person of their own LMS, by the LMS's user id: first what the tool
 * holds about them and what will happen to it, then the erasure. People of other LMSs are out of
 * reach, and an administrator does not erase themselves here.
 */
@ApplicationScoped
@Path("admin/people")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ErasureResource {

    /** An LMS user id as platforms send it: printable, no longer than the column. */
    private static final int MAX_SUBJECT = 255;

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    PersonalData data;

    @Inject
    Erasure erasure;

    @Inject
    Retention retention;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record People(Page page, String csrf, String subject, String problem, String notice, String reference, int retentionDays) {
    }

    public record Check(Page page, String csrf, String subject, List<String> names, List<PersonalData.Section> sections) {
        public int rows(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).mapToInt(s -> s.rows().size()).sum();
        }
    }

    @GET
    @Operation(hidden = true)
    public String show(@QueryParam("s") String token, @QueryParam("notice") String notice, @QueryParam("ref") String ref) {
        ToolSession session = admin(signedIn.require(token, headers));
        boolean erased = "erased".equals(notice) && ref != null && ref.matches("former-[0-9a-f-]{13}");
        return render(session, "", null, erased ? "erased" : null, erased ? ref : null);
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response check(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("subject") String subject) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        String problem = problem(session, subject);
        if (problem != null) return Response.status(problemStatus(problem)).entity(render(session, subject, problem, null, null)).build();
        UUID platform = data.platformOf(session.deployment());
        List<PersonalData.Section> sections = data.of(platform, subject.strip());
        List<String> names = sections.stream().filter(s -> s.key().equals("courses") || s.key().equals("roster"))
                .flatMap(s -> s.rows().stream()).map(r -> r.get("name")).filter(n -> n != null && !n.isBlank()).distinct().toList();
        return Response.ok(pages.render("privacy/check.jte", new Check(signedIn.page(session, "privacy.erase.checkTitle"),
                sessions.csrf(session), subject.strip(), names, sections))).build();
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response erase(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("subject") String subject,
                          @FormParam("confirm") String confirm) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        String problem = problem(session, subject);
        if (problem == null && !"yes".equals(confirm)) problem = "privacy.erase.notConfirmed";
        if (problem != null) return Response.status(problemStatus(problem)).entity(render(session, subject, problem, null, null)).build();
        Erasure.Erased erased = erasure.erase(data.platformOf(session.deployment()), subject.strip(),
                "lti-admin:" + session.deployment() + ":" + session.subject());
        return sessions.seeOther(session, "/admin/people?notice=erased&ref=" + erased.reference() + "#notice");
    }

    /** Why this subject cannot be erased by this administrator, as a message key; null when it can. */
    private String problem(ToolSession session, String subject) {
        if (subject == null || subject.isBlank()) return "privacy.erase.blank";
        String id = subject.strip();
        if (id.length() > MAX_SUBJECT || !id.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) return "privacy.erase.invalid";
        if (id.equals(session.subject())) return "privacy.erase.self";
        if (!erasure.known(data.platformOf(session.deployment()), id)) return "privacy.erase.unknown";
        return null;
    }

    private static int problemStatus(String problem) {
        return switch (problem) {
            case "privacy.erase.unknown" -> 404;
            case "privacy.erase.self" -> 409;
            default -> 400;
        };
    }

    private String render(ToolSession session, String subject, String problem, String notice, String reference) {
        return pages.render("privacy/people.jte", new People(signedIn.page(session, "privacy.erase.title"), sessions.csrf(session),
                subject == null ? "" : subject, problem, notice, reference, retention.days()));
    }

    private static ToolSession admin(ToolSession session) {
        if (session.role() != Role.ADMIN) throw ClientError.forbidden("error.forbidden");
        return session;
    }
}
