package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innovadores.participants.Sessions;
import org.innovadores.participants.ToolSession;
import org.innovadores.program.CourseProgram;
import org.innovadores.program.Program;
import org.innovadores.program.Programs;
import org.innovadores.web.ClientError;
import org.innovadores.web.Ids;

/**
 * A recording's bytes, for people of the course that owns it (and for a draft module, only its
 * instructors), through a token bound to this one file. HTTP semantics of RFC 9110: single byte
 * ranges (206 with Content-Range, 416 past the end), HEAD, strong ETag from the file's SHA-256 and
 * Last-Modified, If-None-Match / If-Modified-Since (304) and If-Range.
 */
@ApplicationScoped
@Path("course/media")
public class MediaResource {

    @Inject
    Renditions renditions;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final int CHUNK = 512 * 1024;

    @Inject
    Sessions sessions;

    @Inject
    Programs programs;

    @Inject
    MediaAssets assets;

    @Inject
    MediaStore store;

    @Inject
    org.innovadores.participants.SignedIn signedIn;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    /** The scope of a recording's token. */
    public static String scope(UUID asset) {
        return "media:" + asset;
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response get(@PathParam("id") String id, @QueryParam("m") String token, @QueryParam("s") String pageToken,
                        @HeaderParam("Range") String range,
                        @HeaderParam("If-Range") String ifRange, @HeaderParam("If-None-Match") String ifNoneMatch,
                        @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return answer(id, token, pageToken, range, ifRange, ifNoneMatch, ifModifiedSince, true);
    }

    @HEAD
    @Path("{id}")
    @Operation(hidden = true)
    public Response head(@PathParam("id") String id, @QueryParam("m") String token, @QueryParam("s") String pageToken,
                         @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange, @HeaderParam("If-None-Match") String ifNoneMatch,
                         @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return answer(id, token, pageToken, range, ifRange, ifNoneMatch, ifModifiedSince, false);
    }

    /** A lighter version of a recording (poster, light video, audio only), under the recording's own access check. */
    @GET
    @Path("{id}/renditions/{kind}")
    @Operation(hidden = true)
    public Response rendition(@PathParam("id") String id, @PathParam("kind") String kind, @QueryParam("m") String token,
                              @QueryParam("s") String pageToken, @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
                              @HeaderParam("If-None-Match") String ifNoneMatch, @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        MediaAsset asset = authorised(id, token, pageToken);
        Renditions.Kind which = java.util.Arrays.stream(Renditions.Kind.values()).filter(k -> k.key().equals(kind)).findFirst()
                .orElseThrow(() -> ClientError.notFound("error.notFound"));
        Renditions.Rendition made = renditions.find(asset.id(), which).orElseThrow(() -> ClientError.notFound("error.notFound"));
        java.nio.file.Path file = renditions.file(asset.id(), which);
        Optional<java.net.URI> elsewhere = store.direct(MediaStore.renditionKey(file.getFileName().toString()), file, made.contentType(), "inline");
        if (elsewhere.isPresent()) return away(elsewhere.get());
        if (!Files.isRegularFile(file)) throw ClientError.notFound("error.notFound");
        return serve(file, made.size(), made.etag(), asset.createdAt(), made.contentType(), range, ifRange, ifNoneMatch, ifModifiedSince, true);
    }

    private Response answer(String id, String token, String pageToken, String range, String ifRange, String ifNoneMatch,
                            String ifModifiedSince, boolean withBody) {
        MediaAsset asset = authorised(id, token, pageToken);
        if (!asset.uploaded()) throw ClientError.notFound("error.notFound");
        java.nio.file.Path file = store.file(asset.id());
        if (store.inObjects() && !Files.isRegularFile(file)) {
            if (!withBody) return serve(file, asset.size(), asset.etag(), asset.createdAt(), asset.contentType(), range, ifRange,
                    ifNoneMatch, ifModifiedSince, false);
            // Captions and transcripts are small and read by <track> and the page's script, which a
            // cross-origin redirect would need CORS for: they come through the tool. Media goes direct.
            if (asset.contentType().startsWith("text/")) {
                StreamingOutput body = out -> {
                    try (InputStream in = store.open(asset.id())) {
                        in.transferTo(out);
                    }
                };
                return Response.ok(body).header("Content-Type", asset.contentType()).header("Content-Length", asset.size())
                        .header("ETag", asset.etag()).header("Cache-Control", "private, max-age=86400").build();
            }
            return away(store.direct(MediaStore.key(asset.id()), file, asset.contentType(), "inline").orElseThrow());
        }
        if (!Files.isRegularFile(file)) throw ClientError.notFound("error.notFound");
        return serve(file, asset.size(), asset.etag(), asset.createdAt(), asset.contentType(), range, ifRange, ifNoneMatch, ifModifiedSince,
                withBody);
    }

    /**
     * To the object store, after the access check above: a presigned URL good for minutes and this one
     * object, so the bytes go from the store to the browser. Not cached: the next visit signs afresh.
     */
    private static Response away(java.net.URI presigned) {
        return Response.seeOther(presigned).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    private Response serve(java.nio.file.Path file, long length, String etag, Instant created, String contentType, String range,
                           String ifRange, String ifNoneMatch, String ifModifiedSince, boolean withBody) {
        Instant modified = created.truncatedTo(ChronoUnit.SECONDS);
        String lastModified = HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC));

        if (ifNoneMatch != null ? matches(ifNoneMatch, etag) : notModifiedSince(ifModifiedSince, modified)) {
            return Response.notModified().header("ETag", etag).header("Last-Modified", lastModified)
                    .header("Cache-Control", "private, max-age=86400").build();
        }
        ByteRange.Outcome outcome = ByteRange.resolve(range, length);
        if (range != null && ifRange != null && !rangeStillValid(ifRange, etag, modified)) outcome = new ByteRange.Whole();

        Response.ResponseBuilder response;
        long first;
        long count;
        switch (outcome) {
            case ByteRange.Unsatisfiable u -> {
                return Response.status(416).header("Content-Range", "bytes */" + length).header("Accept-Ranges", "bytes")
                        .header("ETag", etag).build();
            }
            case ByteRange.Partial p -> {
                first = p.range().first();
                count = p.range().length();
                response = Response.status(206).header("Content-Range", p.range().contentRange(length));
            }
            case ByteRange.Whole w -> {
                first = 0;
                count = length;
                response = Response.ok();
            }
        }
        response.header("Accept-Ranges", "bytes").header("ETag", etag).header("Last-Modified", lastModified)
                .header("Cache-Control", "private, max-age=86400").header("Content-Length", count)
                .header("Content-Type", contentType)
                .header("Content-Disposition", "inline");
        if (withBody) response.entity(stream(file, first, count));
        return response.build();
    }

    /**
     * The asset, when its holder may see it: the token bound to this file (what pages put in media
     * URLs), or else the person's page token or cookie. Someone of another course gets 403; an
     * unknown id, or a draft module's file for a participant, 404.
     */
    MediaAsset authorised(String id, String token, String pageToken) {
        UUID uuid = Ids.uuid(id);
        ToolSession session = token != null ? sessions.resolveScoped(token, scope(uuid))
                .orElseThrow(() -> new ClientError(Response.Status.UNAUTHORIZED, "error.session"))
                : signedIn.require(pageToken, headers);
        MediaAssets.Located located = assets.find(uuid).orElseThrow(() -> ClientError.notFound("error.notFound"));
        Optional<Program> program = session.contextId() == null ? Optional.empty()
                : programs.forCourse(session.deployment(), session.contextId());
        boolean ownCourse = program.map(p -> p.id().equals(located.asset().programId())).orElse(false);
        if (!ownCourse) throw ClientError.forbidden("error.forbidden");
        if (!located.modulePublished() && !CourseProgram.canAuthor(session)) throw ClientError.notFound("error.notFound");
        return located.asset();
    }

    /**
     * Copies the range straight from the file into the response in large blocks: one positioned read
     * and one write per block, with no channel adapter chopping the writes into 8 KiB pieces.
     */
    private static StreamingOutput stream(java.nio.file.Path file, long first, long count) {
        return (OutputStream out) -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                byte[] block = new byte[(int) Math.min(CHUNK, Math.max(count, 1))];
                ByteBuffer buffer = ByteBuffer.wrap(block);
                long position = first;
                long remaining = count;
                while (remaining > 0) {
                    buffer.clear().limit((int) Math.min(block.length, remaining));
                    int read = channel.read(buffer, position);
                    if (read < 0) break;
                    out.write(block, 0, read);
                    position += read;
                    remaining -= read;
                }
            } catch (IOException clientGone) {
                // The player moved elsewhere or closed: nothing to answer anymore.
            }
        };
    }

    static boolean matches(String header, String etag) {
        if (header.strip().equals("*")) return true;
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag)) return true;
        }
        return false;
    }

    private static boolean notModifiedSince(String header, Instant modified) {
        Optional<Instant> since = date(header);
        return since.isPresent() && !modified.isAfter(since.get());
    }

    /** If-Range: the range holds only if the validator is this very version (a strong comparison). */
    static boolean rangeStillValid(String ifRange, String etag, Instant modified) {
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) return value.equals(etag);
        return date(value).map(d -> d.equals(modified)).orElse(false);
    }

    private static Optional<Instant> date(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        try {
            return Optional.of(ZonedDateTime.parse(header.strip(), HTTP_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
