package org.innovadores.privacy;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.innovadores.admin.AdminToken;
import org.innovadores.lti.Platform;
import org.innovadores.lti.PlatformRegistry;
import org.innovadores.runtime.Now;
import org.innovadores.web.ClientError;

/** Erasure and retention for the operator's automation, with the admin token. */
@Path("admin/api/people")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyApiResource {

    @Inject
    AdminToken adminToken;

    @Inject
    PlatformRegistry registry;

    @Inject
    Erasure erasure;

    @Inject
    Retention retention;

    @POST
    @Path("erase")
    @Operation(summary = "Erase a person of one LMS", description = "By the platform's issuer and client_id and the person's LMS "
            + "user id (subject). Their identity leaves every table; their contributions to team work stay under a pseudonym. "
            + "Answers {\"reference\": the pseudonym, \"rows\": rows changed}; 404 when the tool holds nothing about them.")
    @SecurityRequirement(name = "bearer")
    public JsonObject erase(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("issuer") String issuer,
                            @QueryParam("client_id") String clientId, @QueryParam("subject") String subject) {
        authorize(authorization);
        if (issuer == null || clientId == null || subject == null || subject.isBlank() || subject.length() > 255) {
            throw ClientError.badRequest("error.badRequest");
        }
        Platform platform = registry.platform(issuer, clientId).orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (!erasure.known(platform.id(), subject)) throw ClientError.notFound("error.notFound");
        Erasure.Erased erased = erasure.erase(platform.id(), subject, "admin-api");
        return Json.createObjectBuilder().add("reference", erased.reference()).add("rows", erased.rows()).build();
    }

    @POST
    @Path("retention")
    @Operation(summary = "Apply the retention rule now", description = "Erases everyone inactive for longer than `days` "
            + "(default the configured people.retention-days; 409 when that is 0 and no `days` is given). Answers {\"erased\": n}.")
    @SecurityRequirement(name = "bearer")
    public JsonObject retention(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("days") Integer days) {
        authorize(authorization);
        int keep = days == null ? retention.days() : days;
        if (days != null && days < 1) throw ClientError.badRequest("error.badRequest");
        if (keep == 0) throw new ClientError(Response.Status.CONFLICT, "privacy.retentionOff");
        return Json.createObjectBuilder().add("erased", retention.run(Now.instant().minus(Duration.ofDays(keep)))).build();
    }

    private void authorize(String authorization) {
        if (!adminToken.matches(authorization)) throw new ClientError(Response.Status.UNAUTHORIZED, "error.forbidden");
    }
}
