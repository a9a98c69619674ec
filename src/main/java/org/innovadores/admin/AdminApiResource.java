package org.innovadores.admin;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
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
                    .add("source", platform.source().name()).add("disabled", platform.disabledAt() != null)
                    .add("deployment_ids", deployments));
        }
        return Response.ok(list.build()).build();
    }

    @DELETE
    @Path("platforms")
    @Operation(summary = "Remove a registration no course has used", description = "By issuer and client_id. "
            + "404 when unknown; 409 when courses of it hold a program (their work is kept).")
    @SecurityRequirement(name = "bearer")
    public Response removePlatform(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @QueryParam("issuer") String issuer, @QueryParam("client_id") String clientId) {
        authorize(authorization);
        requirePlatformNamed(issuer, clientId);
        return switch (registry.remove(issuer, clientId)) {
            case REMOVED -> {
                audit.record("admin-api", "platform.removed", "issuer=" + issuer + " client_id=" + clientId);
                yield Response.noContent().build();
            }
            case NOT_FOUND -> throw ClientError.notFound("error.notFound");
            case IN_USE -> throw new ClientError(Response.Status.CONFLICT, "admin.platformInUse");
        };
    }

    @POST
    @Path("platforms/{action: disable|enable}")
    @Operation(summary = "Disable or enable a platform's launches", description = "By issuer and client_id. Disabling ends "
            + "its open sessions and refuses its logins and launches with a page that says so; nothing is deleted. 404 when unknown.")
    @SecurityRequirement(name = "bearer")
    public Response disablePlatform(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @jakarta.ws.rs.PathParam("action") String action,
                                    @QueryParam("issuer") String issuer, @QueryParam("client_id") String clientId) {
        authorize(authorization);
        requirePlatformNamed(issuer, clientId);
        Platform platform = registry.platformsOf(issuer).stream().filter(p -> p.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        if (registry.setDisabled(platform.id(), action.equals("disable"))) {
            audit.record("admin-api", "platform." + action + "d", "issuer=" + issuer + " client_id=" + clientId);
        }
        return Response.noContent().build();
    }

    /** A platform is named by its issuer and client_id, both present and of sane length. */
    private static void requirePlatformNamed(String issuer, String clientId) {
        if (issuer == null || clientId == null || issuer.length() > 1000 || clientId.length() > 255) {
            throw ClientError.badRequest("error.badRequest");
        }
    }

    private void authorize(String authorization) {
        if (!adminToken.matches(authorization)) {
            throw new ClientError(Response.Status.UNAUTHORIZED, "error.forbidden");
        }
    }
}
