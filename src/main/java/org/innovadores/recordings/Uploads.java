package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.innovadores.runtime.Now;
import org.innovadores.runtime.ObjectStore;
import org.innovadores.runtime.Sql;
import org.innovadores.web.Ids;
import org.innovadores.web.StorageFull;

/**
 * Resumable uploads. An upload is created with its final size; its bytes arrive in any number of
 * requests, each appended at the offset the client says it has reached (which must be the offset the
 * tool has stored, so a retried or resumed chunk never duplicates bytes). The bytes stream to a
 * temporary file and never sit whole in memory. The first bytes must already show an accepted type;
 * at the last byte the file is checked (captions and chapters must parse), hashed, and renamed into
 * place atomically, and only then does the recording exist.
 */
@ApplicationScoped
public class Uploads {

    @jakarta.inject.Inject
    Renditions renditions;

    @Inject
    Sql db;

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

    /** An upload as stored. */
    public record Upload(UUID id, UUID programId, String moduleKey, String workshopKey, MediaKind kind, String title,
                         String language, String fileName, long size, long received, String createdBy) {
        public boolean complete() {
            return received == size;
        }
    }

    /** Why a request about an upload is refused: an HTTP status and a message key. */
    public static final class Refused extends Exception {
        public final int status;
        public final String messageKey;
        public final Object[] args;

        Refused(int status, String messageKey, Object... args) {
            super(messageKey);
            this.status = status;
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    /** A part of an upload in the object store: the uploader's chunk, above S3's 5 MiB minimum. */
    static final long PART = 8L * 1024 * 1024;

    @Inject
    MediaStore store;

    @Inject
    ObjectStore objects;

    @Inject
    MediaAssets assets;

    @Inject
    @ConfigProperty(name = "media.max-upload-bytes", defaultValue = "4294967296")
    long maxBytes;

    public long maxBytes() {
        return maxBytes;
    }

    public Upload create(UUID program, String moduleKey, String workshopKey, MediaKind kind, String title, String language,
                         String fileName, long size, String author) throws Refused {
        if (size <= 0) throw new Refused(400, "recordings.error.empty");
        if (size > maxBytes) throw new Refused(413, "recordings.error.tooBig", maxBytes / (1024 * 1024));
        // Captions without a language are taken to be in the program's language, Spanish.
        String tag = language == null && kind == MediaKind.CAPTIONS ? "es" : language;
        Upload upload = new Upload(UUID.randomUUID(), program, moduleKey, workshopKey, kind, title, tag,
                Ids.fileName(fileName, "grabacion"), size, 0, author);
        OffsetDateTime now = Now.utc();
        update("INSERT INTO media_upload (id, program_id, module_key, workshop_key, kind, title, language, file_name, size_bytes, "
                        + "received, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                upload.id(), program, moduleKey, workshopKey, kind.name(), title, tag, upload.fileName(), size, author, now, now);
        if (store.inObjects()) {
            update("UPDATE media_upload SET store_upload = ? WHERE id = ?", objects.begin(MediaStore.key(upload.id()),
                    "application/octet-stream"), upload.id());
            return upload;
        }
        try {
            Files.deleteIfExists(store.partial(upload.id()));
            Files.createFile(store.partial(upload.id()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start an upload file", e);
        }
        return upload;
    }

    public Optional<Upload> find(UUID id) {
        List<Upload> found = new ArrayList<>(1);
        db.query("SELECT id, program_id, module_key, workshop_key, kind, title, language, file_name, size_bytes, received, "
                + "created_by FROM media_upload WHERE id = ?", row -> found.add(new Upload(Sql.uuid(row, 1),
                Sql.uuid(row, 2), row.getString(3), row.getString(4), MediaKind.valueOf(row.getString(5)),
                row.getString(6), row.getString(7), row.getString(8), row.getLong(9), row.getLong(10), row.getString(11))), id);
        return found.stream().findFirst();
    }

    /**
     * Appends the body at {@code offset}. Answers the upload as it stands after the request; when that
     * was the last byte, {@link #finish} has made the recording. A connection cut mid-way keeps every
     * byte that arrived (the stored offset follows the file), so the client resumes from there.
     */
    public Upload append(Upload upload, long offset, InputStream body) throws Refused, IOException {
        return append(upload, offset, body, false);
    }

    private Upload append(Upload upload, long offset, InputStream body, boolean endIsLast) throws Refused, IOException {
        if (offset != upload.received()) throw new Refused(409, "recordings.error.offset", upload.received());
        // Claim the offset: of two requests at the same offset (two tabs, a retry racing its original),
        // one writes and the other gets 409, so their bytes never mix. The claim is a lease, renewed
        // while bytes flow, so a writer that died does not block a resume for long.
        String writer = java.util.UUID.randomUUID().toString();
        if (!claim(upload.id(), offset, writer)) throw new Refused(409, "recordings.error.busy");
        if (store.inObjects()) return appendParts(upload, writer, body, endIsLast);
        Path partial = store.partial(upload.id());
        long received = upload.received();
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            if (channel.size() != received) channel.truncate(received);
            channel.position(received);
            byte[] buffer = new byte[256 * 1024];
            long renewed = System.nanoTime();
            try {
                for (int read; (read = body.read(buffer)) != -1; ) {
                    if (received + read > upload.size()) throw new Refused(413, "recordings.error.beyondSize", upload.size());
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) channel.write(chunk);
                    if (received < FileType.HEAD) checkType(upload, partial, received + read);
                    received += read;
                    if (System.nanoTime() - renewed > LEASE_RENEWAL_NANOS) {
                        renew(upload.id(), writer, received);
                        renewed = System.nanoTime();
                    }
                }
            } finally {
                try {
                    channel.force(false);
                } finally {
                    release(upload.id(), writer, received);
                }
            }
        } catch (IOException failed) {
            if (StorageFull.is(failed, partial.getParent())) {
                // The space a half-written recording holds goes back at once, not a day later.
                discard(upload);
                drain(body);
                throw new StorageFull(failed);
            }
            throw failed;
        }
        Upload now = new Upload(upload.id(), upload.programId(), upload.moduleKey(), upload.workshopKey(), upload.kind(),
                upload.title(), upload.language(), upload.fileName(), upload.size(), received, upload.createdBy());
        return now;
    }

    /** Checks, hashes and publishes a complete upload; answers the new recording. */
    public MediaAsset finish(Upload upload) throws Refused, IOException {
        if (!upload.complete()) throw new Refused(409, "recordings.error.incomplete");
        if (store.inObjects()) return finishParts(upload);
        Path partial = store.partial(upload.id());
        Kept kept;
        try {
            kept = kept(upload, partial, checkType(upload, partial, upload.size()));
        } catch (Refused refused) {
            discard(upload);
            throw refused;
        }
        FileType type = kept.type();
        String fileName = kept.fileName();
        long size = Files.size(partial);
        String sha256 = MediaStore.sha256(Files.newInputStream(partial));
        MediaAsset asset = new MediaAsset(upload.id(), upload.programId(), upload.moduleKey(), upload.workshopKey(),
                upload.kind(), upload.title(), upload.language(), null, fileName, type.contentType, size,
                sha256, null, null, upload.createdBy(), Now.instant());
        Files.move(partial, store.file(asset.id()), StandardCopyOption.ATOMIC_MOVE);
        assets.insert(asset);
        update("DELETE FROM media_upload WHERE id = ?", upload.id());
        renditions.requested(asset);
        return asset;
    }

    /**
     * A whole file in one request (the plain form): streamed to a temporary file like a resumable
     * upload, within the size limit, then checked and published.
     */
    public MediaAsset whole(UUID program, String moduleKey, String workshopKey, MediaKind kind, String title, String language,
                            String fileName, InputStream content, String author) throws Refused, IOException {
        Upload upload = create(program, moduleKey, workshopKey, kind, title, language, fileName, maxBytes, author);
        try {
            Upload received = append(upload, 0, content, true);
            if (received.received() == 0) throw new Refused(400, "recordings.error.empty");
            update("UPDATE media_upload SET size_bytes = ? WHERE id = ?", received.received(), upload.id());
            return finish(new Upload(upload.id(), program, moduleKey, workshopKey, kind, title, language, upload.fileName(),
                    received.received(), received.received(), author));
        } catch (Refused refused) {
            discard(upload);
            if (refused.status == 413) throw new Refused(413, "recordings.error.tooBig", maxBytes / (1024 * 1024));
            throw refused;
        } catch (IOException | RuntimeException failed) {
            try {
                discard(upload);
            } catch (IOException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
    }

    /** Drops an upload and its bytes. */
    public void discard(Upload upload) throws IOException {
        Files.deleteIfExists(store.partial(upload.id()));
        if (store.inObjects()) storeUpload(upload.id()).ifPresent(started -> objects.abort(MediaStore.key(upload.id()), started));
        update("DELETE FROM media_upload WHERE id = ?", upload.id());
    }

    /** Removes uploads nobody has added to for {@code idle}, and their partial files. */
    public int abandon(Duration idle) {
        OffsetDateTime before = Now.utc().minus(idle);
        List<UUID> stale = new ArrayList<>();
        db.query("SELECT id FROM media_upload WHERE updated_at < ?", row -> stale.add(Sql.uuid(row, 1)), before);
        int removed = 0;
        for (UUID id : stale) {
            try {
                Files.deleteIfExists(store.partial(id));
                if (store.inObjects()) storeUpload(id).ifPresent(started -> objects.abort(MediaStore.key(id), started));
                update("DELETE FROM media_upload WHERE id = ?", id);
                removed++;
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "Cleaning abandoned upload " + id + " failed: " + e.getMessage());
            }
        }
        if (store.inObjects()) {
            // Multipart uploads no row knows of any more (an instance died between starting one and saving its id).
            java.util.Set<String> known = new java.util.HashSet<>();
            db.query("SELECT store_upload FROM media_upload WHERE store_upload IS NOT NULL", row -> known.add(row.getString(1)));
            try {
                int orphans = objects.abortStartedBefore("recordings/", Now.instant().minus(idle), known);
                if (orphans > 0) LOG.info(() -> "Aborted " + orphans + " multipart uploads nobody finished");
            } catch (RuntimeException unlisted) { // not every S3-compatible store lists multipart uploads
                LOG.warning(() -> "Could not list the store's unfinished multipart uploads: " + unlisted.getMessage());
            }
        }
        return removed;
    }

    /**
     * In the object store, bytes go in parts of {@link #PART}: each part is staged in a temporary file
     * of this request, sent to the store, and only then counted, with the running SHA-256 saved beside
     * it. A request cut mid-part loses that part's bytes alone; the client resumes at the last whole
     * part, on any instance. Offsets the client may resume at are therefore multiples of PART, which
     * is the uploader's chunk size.
     */
    private Upload appendParts(Upload upload, String writer, InputStream body, boolean endIsLast) throws Refused, IOException {
        String key = MediaStore.key(upload.id());
        String started = storeUpload(upload.id()).orElseThrow(() -> new Refused(409, "recordings.error.incomplete"));
        long received = upload.received();
        SHA256Digest digest = digestState(upload.id());
        Path staged = Files.createTempFile(store.staging(), upload.id() + "-", ".part");
        byte[] buffer = new byte[256 * 1024];
        try {
            while (received < upload.size()) {
                long wanted = Math.min(PART, upload.size() - received);
                long got = 0;
                try (FileChannel out = FileChannel.open(staged, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    for (int read; got < wanted && (read = body.read(buffer, 0, (int) Math.min(buffer.length, wanted - got))) != -1; ) {
                        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                        while (chunk.hasRemaining()) out.write(chunk);
                        got += read;
                    }
                }
                if (got == 0 || (got < wanted && !endIsLast)) break; // an unfinished part: resumed from its start
                if (received == 0) checkType(upload, staged, got);
                objects.part(key, started, (int) (received / PART) + 1, staged);
                try (InputStream in = Files.newInputStream(staged)) {
                    for (int read; (read = in.read(buffer)) != -1; ) digest.update(buffer, 0, read);
                }
                received += got;
                db.update("UPDATE media_upload SET received = ?, digest_state = ?, writer_until = ?, updated_at = ? WHERE id = ? AND writer = ?",
                        received, java.util.Base64.getEncoder().encodeToString(digest.getEncodedState()), Now.utc().plus(LEASE),
                        Now.utc(), upload.id(), writer);
                if (got < wanted) break; // the plain form's last bytes
            }
            if (received >= upload.size() && body.read() != -1) throw new Refused(413, "recordings.error.beyondSize", upload.size());
        } finally {
            Files.deleteIfExists(staged);
            release(upload.id(), writer, received);
        }
        return new Upload(upload.id(), upload.programId(), upload.moduleKey(), upload.workshopKey(), upload.kind(),
                upload.title(), upload.language(), upload.fileName(), upload.size(), received, upload.createdBy());
    }

    /**
     * Completes the multipart upload under the recording's key. Captions are small and must be read
     * whole to be checked (and SRT converted): they come back from the store, go through the same
     * checks as on disk, and are stored again as WebVTT.
     */
    private MediaAsset finishParts(Upload upload) throws Refused, IOException {
        String key = MediaStore.key(upload.id());
        String started = storeUpload(upload.id()).orElseThrow(() -> new Refused(409, "recordings.error.incomplete"));
        objects.complete(key, started);
        String sha256 = HexFormat.of().formatHex(finalDigest(digestState(upload.id())));
        FileType type;
        long size = upload.size();
        String fileName = upload.fileName();
        Path head = Files.createTempFile(store.staging(), upload.id() + "-", ".head");
        try {
            try (InputStream in = objects.open(key)) {
                Files.write(head, in.readNBytes(FileType.HEAD));
            }
            type = checkTypeOrDrop(upload, head, key);
            if (type == FileType.SRT || type == FileType.WEBVTT) {
                try (InputStream in = objects.open(key)) {
                    Files.copy(in, head, StandardCopyOption.REPLACE_EXISTING);
                }
                FileType came = type;
                try {
                    Kept kept = kept(upload, head, type);
                    type = kept.type();
                    fileName = kept.fileName();
                } catch (Refused refused) {
                    objects.delete(key);
                    update("DELETE FROM media_upload WHERE id = ?", upload.id());
                    throw refused;
                }
                if (type != came) { // SRT kept as WebVTT
                    size = Files.size(head);
                    sha256 = MediaStore.sha256(Files.newInputStream(head));
                    objects.put(key, head, type.contentType, java.util.Map.of("sha256", sha256));
                }
            }
        } finally {
            Files.deleteIfExists(head);
        }
        MediaAsset asset = new MediaAsset(upload.id(), upload.programId(), upload.moduleKey(), upload.workshopKey(),
                upload.kind(), upload.title(), upload.language(), null, fileName, type.contentType, size,
                sha256, null, null, upload.createdBy(), Now.instant());
        assets.insert(asset);
        update("DELETE FROM media_upload WHERE id = ?", upload.id());
        renditions.requested(asset);
        return asset;
    }

    /** What a recording's file is kept as: captions from a meeting tool (SRT) become the WebVTT the player reads. */
    private record Kept(FileType type, String fileName) {
    }

    /** Converts SRT to WebVTT in the file and checks WebVTT; anything else is kept as it came. */
    private static Kept kept(Upload upload, Path file, FileType type) throws Refused, IOException {
        if (type != FileType.SRT && type != FileType.WEBVTT) return new Kept(type, upload.fileName());
        String fileName = upload.fileName();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (type == FileType.SRT) {
                text = WebVtt.fromSrt(text);
                Files.writeString(file, text, StandardCharsets.UTF_8);
                fileName = fileName.replaceAll("(?i)\\.srt$", "") + ".vtt";
                type = FileType.WEBVTT;
            }
            WebVtt.parse(text);
        } catch (java.nio.charset.MalformedInputException notUtf8) {
            throw new Refused(400, "recordings.error.vtt", 1, "not UTF-8");
        } catch (WebVtt.Invalid invalid) {
            throw new Refused(400, "recordings.error.vtt", invalid.line, invalid.getMessage());
        }
        return new Kept(type, fileName);
    }

    private FileType checkTypeOrDrop(Upload upload, Path head, String key) throws Refused, IOException {
        byte[] bytes = Files.readAllBytes(head);
        Optional<FileType> type = FileType.detect(java.util.Arrays.copyOf(bytes, FileType.HEAD), bytes.length);
        if (type.isEmpty() || !upload.kind().accepts(type.get())) {
            objects.delete(key);
            update("DELETE FROM media_upload WHERE id = ?", upload.id());
            throw new Refused(415, "recordings.error.type");
        }
        return type.get();
    }

    private Optional<String> storeUpload(UUID id) {
        List<String> found = new ArrayList<>(1);
        db.query("SELECT store_upload FROM media_upload WHERE id = ?", row -> found.add(row.getString(1)), id);
        return found.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** The SHA-256 of the parts so far, as saved after the last one (a fresh digest before the first). */
    private SHA256Digest digestState(UUID id) {
        List<String> found = new ArrayList<>(1);
        db.query("SELECT digest_state FROM media_upload WHERE id = ?", row -> found.add(row.getString(1)), id);
        String state = found.isEmpty() ? null : found.getFirst();
        return state == null ? new SHA256Digest() : new SHA256Digest(java.util.Base64.getDecoder().decode(state));
    }

    private static byte[] finalDigest(SHA256Digest digest) {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private FileType checkType(Upload upload, Path partial, long available) throws Refused, IOException {
        int length = (int) Math.min(FileType.HEAD, available);
        if (length < Math.min(FileType.HEAD, upload.size())) return null;
        byte[] head = new byte[FileType.HEAD];
        try (InputStream in = Files.newInputStream(partial)) {
            length = in.readNBytes(head, 0, length);
        }
        Optional<FileType> type = FileType.detect(head, length);
        if (type.isEmpty() || !upload.kind().accepts(type.get())) {
            discard(upload);
            throw new Refused(415, "recordings.error.type");
        }
        return type.get();
    }

    /**
     * Reads and drops the rest of a part (the uploader sends 8 MiB at a time) so the client reads the
     * answer instead of a reset connection; a larger remainder is left to the connection's close.
     */
    private static void drain(InputStream body) {
        try {
            byte[] skip = new byte[64 * 1024];
            long left = 16L * 1024 * 1024;
            for (int n; left > 0 && (n = body.read(skip, 0, (int) Math.min(skip.length, left))) != -1; ) left -= n;
        } catch (IOException gone) {
            // The client went away: nothing to answer.
        }
    }

    private static final long LEASE_RENEWAL_NANOS = 5_000_000_000L;
    private static final Duration LEASE = Duration.ofSeconds(30);

    private boolean claim(UUID id, long offset, String writer) {
        OffsetDateTime now = Now.utc();
        return db.update("UPDATE media_upload SET writer = ?, writer_until = ?, updated_at = ? WHERE id = ? AND received = ? "
                + "AND (writer IS NULL OR writer_until < ?)", writer, now.plus(LEASE), now, id, offset, now) == 1;
    }

    private void renew(UUID id, String writer, long received) {
        OffsetDateTime now = Now.utc();
        update("UPDATE media_upload SET received = ?, writer_until = ?, updated_at = ? WHERE id = ? AND writer = ?",
                received, now.plus(LEASE), now, id, writer);
    }

    private void release(UUID id, String writer, long received) {
        update("UPDATE media_upload SET received = ?, writer = NULL, writer_until = NULL, updated_at = ? WHERE id = ? AND writer = ?",
                received, Now.utc(), id, writer);
    }

    private void update(String sql, Object... values) {
        db.update(sql, values);
    }
}
