package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.innovadores.admin.AdminToken;
import org.innovadores.audit.AuditLog;
import org.innovadores.program.Attachments;
import org.innovadores.runtime.ObjectStore;
import org.innovadores.runtime.Sql;
import org.innovadores.web.ClientError;

/**
 * Moves what is still under {@code media.dir} (recordings, renditions, attachments) into the object
 * store once the tool runs with {@code media.store=s3}; {@code deploy/admin media-migrate} calls it.
 * Each file must still have the SHA-256 recorded when it was stored (a file changed on disk is
 * refused and left where it is); the store's copy is read back and hashed before the local file is
 * removed. Run again after an interruption, it goes on where it stopped: moved files are gone from
 * the disk, and a copy already in the store with the right checksum only needs its local file removed.
 * Until a file is moved, the tool keeps serving it from the disk.
 */
@ApplicationScoped
@Path("admin/api/media/migrate")
public class MediaMigration {

    private static final Logger LOG = Logger.getLogger(MediaMigration.class.getName());

    @Inject
    AdminToken adminToken;

    @Inject
    ObjectStore objects;

    @Inject
    MediaStore store;

    @Inject
    Renditions renditions;

    @Inject
    Attachments attachments;

    @Inject
    AuditLog audit;

    @Inject
    Sql db;

    /** One file on disk and the object it becomes. */
    record Local(java.nio.file.Path file, String key, String contentType, String sha256) {
    }

    public record Outcome(int moved, int alreadyThere, long bytes, List<String> refused) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move media from MEDIA_DIR to the object store",
            description = "Resumable; each file verified by its SHA-256 before and after. Needs media.store=s3.")
    @SecurityRequirement(name = "bearer")
    public Response migrate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!adminToken.matches(authorization)) throw new ClientError(Response.Status.UNAUTHORIZED, "error.forbidden");
        if (!objects.enabled()) throw ClientError.conflict("error.badRequest");
        Outcome outcome = run();
        JsonArrayBuilder refused = Json.createArrayBuilder();
        outcome.refused().forEach(refused::add);
        audit.record("admin", "media.migrated", outcome.moved() + " moved, " + outcome.refused().size() + " refused");
        return Response.ok(Json.createObjectBuilder().add("moved", outcome.moved()).add("already_there", outcome.alreadyThere())
                .add("bytes", outcome.bytes()).add("refused", refused).build().toString()).build();
    }

    Outcome run() {
        int moved = 0;
        int already = 0;
        long bytes = 0;
        List<String> refused = new ArrayList<>();
        for (Local local : onDisk()) {
            try {
                String actual = MediaStore.sha256(Files.newInputStream(local.file()));
                if (local.sha256() != null && !local.sha256().equals(actual)) {
                    refused.add(local.key() + ": changed on disk since it was stored (SHA-256 " + actual + ", recorded " + local.sha256() + ")");
                    continue;
                }
                long size = Files.size(local.file());
                Optional<ObjectStore.Stored> there = objects.head(local.key());
                boolean same = there.isPresent() && there.get().size() == size && actual.equals(there.get().metadata().get("sha256"));
                if (!same) objects.put(local.key(), local.file(), local.contentType(), Map.of("sha256", actual));
                String copy;
                try (InputStream in = objects.open(local.key())) {
                    copy = MediaStore.sha256(in);
                }
                if (!copy.equals(actual)) {
                    objects.delete(local.key());
                    refused.add(local.key() + ": the store's copy differs (SHA-256 " + copy + "); the file stays on disk");
                    continue;
                }
                Files.delete(local.file());
                if (same) already++;
                else {
                    moved++;
                    bytes += size;
                }
            } catch (IOException | RuntimeException failed) {
                refused.add(local.key() + ": " + failed.getClass().getSimpleName() + " " + failed.getMessage());
            }
        }
        int m = moved;
        LOG.info(() -> "Media migration: " + m + " files moved to the object store, " + refused.size() + " refused");
        return new Outcome(moved, already, bytes, refused);
    }

    /** Every stored file still on disk, with the checksum recorded when it was stored. */
    private List<Local> onDisk() {
        List<Local> found = new ArrayList<>();
        db.query("SELECT id, content_type, sha256 FROM media_asset WHERE link_url IS NULL", row -> {
            UUID id = Sql.uuid(row, 1);
            found.add(new Local(store.file(id), MediaStore.key(id), row.getString(2), row.getString(3)));
        });
        db.query("SELECT asset_id, kind, content_type, sha256 FROM media_rendition", row -> {
            java.nio.file.Path file = renditions.file(Sql.uuid(row, 1), Renditions.Kind.valueOf(row.getString(2)));
            found.add(new Local(file, MediaStore.renditionKey(file.getFileName().toString()), row.getString(3), row.getString(4)));
        });
        List<UUID> attached = new ArrayList<>();
        db.query("SELECT id FROM program_attachment", row -> attached.add(Sql.uuid(row, 1)));
        for (UUID id : attached) {
            attachments.find(id).ifPresent(a -> found.add(new Local(attachments.file(a), Attachments.key(id), a.contentType(), a.sha256())));
        }
        return found.stream().filter(l -> Files.isRegularFile(l.file())).toList();
    }

}
