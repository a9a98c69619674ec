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
    org.innovadores.runtime.Ffmpeg ffmpeg;

    @Inject
    org.innovadores.runtime.Jobs jobs;

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
                            String notice, List<Registered> registered, boolean renditions,
                            List<org.innovadores.runtime.Jobs.Job> jobs) {
        /** A moment as the administrator reads it: their language's date and time, in the course's zone, named. */
        public String when(java.time.Instant at) {
            return at == null ? "—" : page.when(at) + " (" + page.t().zoneName(page.zone()) + ")";
        }
    }

    @GET
    @Operation(hidden = true)
    public String show(@QueryParam("s") String token, @QueryParam("notice") String notice) {
        boolean known = notice != null && java.util.Set.of("revoked", "disabled", "enabled", "removed").contains(notice);
        return render(admin(signedIn.require(token, headers)), null, known ? notice : null);
    }

    /** Withdraws one of this administrator's unused registration links. */
    @POST
    @Path("registration-links/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public jakarta.ws.rs.core.Response revoke(@FormParam("s") String token, @FormParam("csrf") String csrf, @FormParam("ref") String ref) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        if (ref == null || !ref.matches("[0-9a-f]{16}") || !tickets.revoke(who(session), ref)) {
            throw ClientError.notFound("admin.register.noSuchLink");
        }
        audit.record(who(session), "registration-link.revoked", "ref=" + ref);
        return sessions.seeOther(session, "/admin?notice=revoked#links-title");
    }

    @POST
    @Path("registration-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public String mint(@FormParam("s") String token, @FormParam("csrf") String csrf) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        String link = urls.registration() + "?ticket=" + tickets.mint(who(session));
        audit.record(who(session), "registration-link.minted", null);
        return render(session, link, null);
    }

    /**
     * The administrator as the tool records them: the subject is unique only within its platform's
     * deployment, so both are named (an administrator of another LMS with the same subject is someone else).
     */
    private static String who(ToolSession session) {
        return "lti-admin:" + session.deployment() + ":" + session.subject();
    }

    /** A platform registered with one of this administrator's links, as the page lists it. */
    public record Registered(java.util.UUID id, String name, String issuer, String clientId, java.time.Instant registeredAt,
                             long courses, java.time.Instant disabledAt) {
    }

    /**
     * Disables or enables the launches of a platform registered with one of this administrator's
     * links, or removes its registration while no course has used it. The platform is looked up
     * among theirs: an id from the form names nothing else.
     */
    @POST
    @Path("platforms/{action: disable|enable|remove}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public jakarta.ws.rs.core.Response platform(@jakarta.ws.rs.PathParam("action") String action, @FormParam("s") String token,
                                                @FormParam("csrf") String csrf, @FormParam("platform") String platformId) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        org.innovadores.lti.Platform platform = registry.registeredBy(who(session)).stream()
                .filter(p -> p.id().toString().equals(platformId)).findFirst()
                .orElseThrow(() -> ClientError.notFound("admin.platforms.noSuchPlatform"));
        String notice;
        switch (action) {
            case "disable" -> {
                registry.setDisabled(platform.id(), true);
                notice = "disabled";
            }
            case "enable" -> {
                registry.setDisabled(platform.id(), false);
                notice = "enabled";
            }
            default -> {
                if (registry.remove(platform.id()) == PlatformRegistry.Removal.IN_USE) {
                    throw new ClientError(jakarta.ws.rs.core.Response.Status.CONFLICT, "admin.platformInUse");
                }
                notice = "removed";
            }
        }
        audit.record(who(session), "platform." + notice, "issuer=" + platform.issuer() + " client_id=" + platform.clientId());
        return sessions.seeOther(session, "/admin?notice=" + notice + "#platforms-title");
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
                courses(deployment.platform().id()), tickets.mintedBy(who(session)), notice,
                registry.registeredBy(who(session)).stream().map(p -> new Registered(p.id(), p.name(), p.issuer(), p.clientId(),
                        p.createdAt(), registry.courses(p.id()), p.disabledAt())).toList(), ffmpeg.available(),
                jobs.ofPlatform(deployment.platform().id(), 20)));
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
