package org.innovadores.recordings;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.innovadores.admin.AdminToken;
import org.innovadores.web.ClientError;

/**
 * Uploads nobody has added to for a day (a closed laptop, a lost connection never resumed) are
 * removed with their partial files, every hour; administrators can run it at once through the API.
 */
@Singleton
@Path("admin/api/uploads/abandoned")
public class UploadCleaner {

    /** Whose turn it is across the cluster: one instance runs this per period. */
    @jakarta.inject.Inject
    org.innovadores.runtime.ClusterTasks tasks;

    private static final Logger LOG = Logger.getLogger(UploadCleaner.class.getName());

    @Inject
    Uploads uploads;

    @Inject
    AdminToken adminToken;

    @Inject
    @ConfigProperty(name = "media.uploads.abandon-after", defaultValue = "PT24H")
    Duration abandonAfter;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void hourly() {
        if (!tasks.turn("upload-cleaner", Duration.ofHours(1))) return;
        int removed = uploads.abandon(abandonAfter);
        if (removed > 0) LOG.info(() -> "Removed " + removed + " abandoned uploads");
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove abandoned uploads now", description = "Removes uploads idle for longer than "
            + "`idle` (ISO-8601 duration, default the configured media.uploads.abandon-after) and their partial files.")
    @SecurityRequirement(name = "bearer")
    public Response now(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("idle") String idle) {
        if (!adminToken.matches(authorization)) throw new ClientError(Response.Status.UNAUTHORIZED, "error.forbidden");
        Duration after;
        try {
            after = idle == null ? abandonAfter : Duration.parse(idle);
        } catch (DateTimeParseException e) {
            throw ClientError.badRequest("error.badRequest");
        }
        return Response.ok("{\"removed\":" + uploads.abandon(after) + "}").build();
    }
}
