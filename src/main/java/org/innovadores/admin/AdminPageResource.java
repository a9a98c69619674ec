package org.innovadores.admin;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.audit.AuditLog;
import org.innovadores.lti.Deployment;
import org.innovadores.lti.PlatformRegistry;
import org.innovadores.lti.RegistrationTickets;
import org.innovadores.lti.ToolUrls;
import org.innovadores.participants.Role;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/**
 * The administration page for an LMS administrator who launched the tool: their own platform's
 * registration and deployments, and one-time links to register the tool in another LMS.
 * Tool-wide operations (key rotation) stay with the operator's command line.
 */
@Path("admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AdminPageResource {

    @Inject
    SignedIn signedIn;

    @Inject
    Sessions sessions;

    @Inject
    PlatformRegistry registry;

    @Inject
    RegistrationTickets tickets;

    @Inject
    ToolUrls urls;

    @Inject
    AuditLog audit;

    @Inject
    Pages pages;

    @Inject
    org.innovadores.runtime.Sql db;

    @Context
    HttpHeaders headers;

    /** A course of the platform that launched the tool: its id in the LMS, its deployment, how many people, the last visit. */
    public record Course(String contextId, String deploymentId, int people, java.time.Instant lastSeen) {
    }

    public record AdminPage(Page page, String csrf, String issuer, String clientId, List<String> deploymentIds,
                            String newLink, String configuration, List<Course> courses, List<RegistrationTickets.Ticket> links,
                            String notice) {
        /** A moment as the administrator reads it: their language's medium date and time, in UTC. */
        public String when(java.time.Instant at) {
            return at == null ? "—" : java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                    .withLocale(page.t().locale()).withZone(java.time.ZoneOffset.UTC).format(at) + " UTC";
        }
    }

    @GET
    @Operation(hidden = true)
    public String show(@QueryParam("s") String token, @QueryParam("notice") String notice) {
        return render(admin(signedIn.require(token, headers)), null, "revoked".equals(notice) ? notice : null);
    }

    /** Withdraws one of this administrator's unused registration links. */
    @POST
    @Path("registration-links/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public jakarta.ws.rs.core.Response revoke(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("ref") String ref) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        if (ref == null || !ref.matches("[0-9a-f]{16}") || !tickets.revoke("lti-admin:" + session.subject(), ref)) {
            throw ClientError.notFound("admin.register.noSuchLink");
        }
        audit.record("lti-admin:" + session.subject(), "registration-link.revoked", "ref=" + ref);
        return sessions.seeOther(session, "/admin?notice=revoked#links-title");
    }

    @POST
    @Path("registration-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public String mint(@FormParam("s") String token, @FormParam("csrf") String csrf) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        String link = urls.registration() + "?ticket=" + tickets.mint("lti-admin:" + session.subject());
        audit.record("lti-admin:" + session.subject(), "registration-link.minted", null);
        return render(session, link, null);
    }

    private ToolSession admin(ToolSession session) {
        if (session.role() != Role.ADMIN) throw ClientError.forbidden("error.forbidden");
        return session;
    }

    private String render(ToolSession session, String newLink, String notice) {
        Deployment deployment = registry.deployment(session.deployment()).orElseThrow(() -> ClientError.forbidden("error.forbidden"));
        List<String> deploymentIds = registry.deploymentsOf(deployment.platform()).stream().map(Deployment::deploymentId).toList();
        return pages.render("admin/admin.jte", new AdminPage(signedIn.page(session, "admin.title"), sessions.csrf(session),
                deployment.platform().issuer(), deployment.platform().clientId(), deploymentIds, newLink, urls.base(),
                courses(deployment.platform().id()), tickets.mintedBy("lti-admin:" + session.subject()), notice));
    }

    /** The courses of the platform's deployments that have the tool, most recently visited first. */
    private List<Course> courses(java.util.UUID platform) {
        List<Course> courses = new java.util.ArrayList<>();
        db.query("SELECT p.context_id, d.deployment_id, COUNT(m.subject), MAX(m.last_seen) FROM program p "
                + "JOIN lti_deployment d ON d.id = p.deployment_id LEFT JOIN course_member m ON m.program_id = p.id "
                + "WHERE d.platform_id = ? GROUP BY p.id, p.context_id, d.deployment_id ORDER BY MAX(m.last_seen) DESC NULLS LAST",
                row -> {
                    java.sql.Timestamp last = row.getTimestamp(4);
                    courses.add(new Course(row.getString(1), row.getString(2), row.getInt(3), last == null ? null : last.toInstant()));
                }, platform);
        return courses;
    }
}
