package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.runtime.DataDirectory;
import org.innovadores.runtime.ObjectStore;

/**
 * Where recordings' bytes live: {@code media.dir} (default DATA_DIR/media), which several instances
 * can share, or an S3-compatible object store ({@code media.store=s3}), which they share without a
 * common disk. On disk, complete files are named by their asset id and uploads in progress sit in
 * ".uploads" under their upload id until the rename that makes them visible. In the store, a
 * recording is the object "recordings/{id}" and a rendition "renditions/{name}"; what is still on
 * disk from before the switch (not yet moved by media-migrate) is read from disk.
 */
@ApplicationScoped
public class MediaStore {

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "media.dir")
    Optional<String> configured;

    @Inject
    ObjectStore objects;

    public Path root() {
        Path root = configured.filter(s -> !s.isBlank()).map(Path::of).orElseGet(() -> data.root().resolve("media"));
        return folder(root.resolve("recordings"));
    }

    public Path file(UUID asset) {
        return root().resolve(asset.toString());
    }

    /** Where renditions live, beside the recordings they come from. */
    public Path renditions() {
        return folder(root().resolve("renditions"));
    }

    public Path partial(UUID upload) {
        return folder(root().resolve(".uploads")).resolve(upload + ".part");
    }

    /** Scratch space for this instance alone: parts on their way to the store, originals fetched for ffmpeg. */
    public Path staging() {
        return folder(root().resolve(".staging"));
    }

    public boolean inObjects() {
        return objects.enabled();
    }

    public static String key(UUID asset) {
        return "recordings/" + asset;
    }

    public static String renditionKey(String fileName) {
        return "renditions/" + fileName;
    }

    /** A recording's bytes, from disk or from the store. */
    public InputStream open(UUID asset) throws IOException {
        Path local = file(asset);
        if (!inObjects() || Files.isRegularFile(local)) return Files.newInputStream(local);
        try {
            return objects.open(key(asset));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException gone) {
            throw new java.io.FileNotFoundException(key(asset));
        }
    }

    /** Makes a finished file the recording's: a rename on disk, or a put to the store and the local file gone. */
    public void publish(UUID asset, Path finished, String contentType, String sha256) throws IOException {
        if (!inObjects()) {
            Files.move(finished, file(asset), StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        objects.put(key(asset), finished, contentType, sha256 == null ? Map.of() : Map.of("sha256", sha256));
        Files.deleteIfExists(finished);
    }

    public void delete(UUID asset) throws IOException {
        Files.deleteIfExists(file(asset));
        if (inObjects()) objects.delete(key(asset));
    }

    /**
     * Where a browser should fetch an object itself: a presigned URL, when the bytes are in the store
     * (not still on this disk). Empty means the tool serves the local file.
     */
    public Optional<URI> direct(String key, Path local, String contentType, String disposition) {
        if (!inObjects() || Files.isRegularFile(local)) return Optional.empty();
        return Optional.of(objects.presigned(key, contentType, disposition));
    }

    /** The SHA-256 of what the stream holds, in hex; the stream is closed. */
    public static String sha256(InputStream source) throws IOException {
        try (InputStream in = source) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[256 * 1024];
            for (int read; (read = in.read(buffer)) != -1; ) digest.update(buffer, 0, read);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path folder(Path folder) {
        try {
            return Files.createDirectories(folder.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }
}
