package org.innovadores.admin;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.innovadores.audit.AuditLog;
import org.innovadores.lti.Platform;
import org.innovadores.lti.PlatformRegistry;
import org.innovadores.lti.RegistrationTickets;
import org.innovadores.lti.ToolKeys;
import org.innovadores.lti.ToolUrls;
import org.innovadores.web.ClientError;

/** The admin API, for deploy/admin and automation: bearer token required on every call. */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
public class AdminApiResource {

    @Inject
    AdminToken adminToken;

    @Inject
    RegistrationTickets tickets;

    @Inject
    ToolKeys keys;

    @Inject
    ToolUrls urls;

    @Inject
    PlatformRegistry registry;

    @Inject
    AuditLog audit;

    @POST
    @Path("registration-links")
    @Operation(summary = "Mint a one-time dynamic registration link", description = "Answers {\"url\": ...}: the "
            + "URL an LMS admin pastes as the tool URL for dynamic registration. Valid once, for 7 days.")
    @SecurityRequirement(name = "bearer")
    public JsonObject mintRegistrationLink(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        String ticket = tickets.mint("admin-api");
        audit.record("admin-api", "registration-link.minted", null);
        return Json.createObjectBuilder().add("url", urls.registration() + "?ticket=" + ticket).build();
    }

    @POST
    @Path("keys/rotate")
    @Operation(summary = "Rotate the tool's signing keys", description = "First call publishes a next key; the "
            + "next call switches to it and retires the old one after the configured overlap.")
    @SecurityRequirement(name = "bearer")
    public JsonObject rotateKeys(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        JsonArrayBuilder state = Json.createArrayBuilder();
        keys.rotate().forEach(state::add);
        audit.record("admin-api", "keys.rotated", null);
        return Json.createObjectBuilder().add("keys", state).build();
    }

    @GET
    @Path("platforms")
    @Operation(summary = "The registered platforms and their deployments")
    @SecurityRequirement(name = "bearer")
    public Response platforms(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Platform platform : registry.all()) {
            JsonArrayBuilder deployments = Json.createArrayBuilder();
            registry.deploymentsOf(platform).forEach(d -> deployments.add(d.deploymentId()));
            list.add(Json.createObjectBuilder().add("issuer", platform.issuer()).add("client_id", platform.clientId())
                    .add("source", platform.source().name()).add("deployment_ids", deployments));
        }
        return Response.ok(list.build()).build();
    }

    private void authorize(String authorization) {
        if (!adminToken.matches(authorization)) {
            throw new ClientError(Response.Status.UNAUTHORIZED, "error.forbidden");
        }
    }
}
