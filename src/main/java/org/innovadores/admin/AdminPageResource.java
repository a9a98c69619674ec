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

    @Context
    HttpHeaders headers;

    public record AdminPage(Page page, String csrf, String issuer, String clientId, List<String> deploymentIds,
                            String newLink, String configuration) {
    }

    @GET
    @Operation(hidden = true)
    public String show(@QueryParam("s") String token) {
        return render(admin(signedIn.require(token, headers)), null);
    }

    @POST
    @Path("registration-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public String mint(@FormParam("s") String token, @FormParam("csrf") String csrf) {
        ToolSession session = admin(signedIn.requireForm(token, csrf, headers));
        String link = urls.registration() + "?ticket=" + tickets.mint("lti-admin:" + session.subject());
        audit.record("lti-admin:" + session.subject(), "registration-link.minted", null);
        return render(session, link);
    }

    private ToolSession admin(ToolSession session) {
        if (session.role() != Role.ADMIN) throw ClientError.forbidden("error.forbidden");
        return session;
    }

    private String render(ToolSession session, String newLink) {
        Deployment deployment = registry.deployment(session.deployment()).orElseThrow(() -> ClientError.forbidden("error.forbidden"));
        List<String> deploymentIds = registry.deploymentsOf(deployment.platform()).stream().map(Deployment::deploymentId).toList();
        return pages.render("admin/admin.jte", new AdminPage(signedIn.page(session, "admin.title"), sessions.csrf(session),
                deployment.platform().issuer(), deployment.platform().clientId(), deploymentIds, newLink, urls.base()));
    }
}
