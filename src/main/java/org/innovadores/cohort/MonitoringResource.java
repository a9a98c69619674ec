package org.innovadores.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Role;
import org.innovadores.participants.SignedIn;
import org.innovadores.participants.ToolSession;
import org.innovadores.web.ClientError;
import org.innovadores.web.Page;
import org.innovadores.web.Pages;

/** Program monitoring: the deployment's cohorts side by side. LMS administrators only. */
@ApplicationScoped
@Path("course/monitoring")
public class MonitoringResource {

    @Inject
    SignedIn signedIn;

    @Inject
    Monitoring monitoring;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    public record View(Page page, List<Monitoring.Course> courses, String lang, String currentContext) {
        public int modules() {
            return courses.stream().mapToInt(c -> c.completedShare().size()).max().orElse(0);
        }
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(hidden = true)
    public String page(@QueryParam("s") String token) {
        ToolSession session = signedIn.require(token, headers);
        if (session.role() != Role.ADMIN) throw ClientError.forbidden("monitoring.error.notAdmin");
        Page page = signedIn.page(session, "monitoring.title");
        return pages.render("cohort/monitoring.jte", new View(page, monitoring.of(session.deployment()), page.t().lang(), session.contextId()));
    }
}
