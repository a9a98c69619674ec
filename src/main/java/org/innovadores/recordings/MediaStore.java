package org.innovadores.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innovadores.runtime.DataDirectory;

/**
 * Where recordings' bytes live: {@code media.dir} (default DATA_DIR/media), which several instances
 * can share. Complete files are named by their asset id; uploads in progress sit in ".uploads" under
 * their upload id until the rename that makes them visible.
 */
@ApplicationScoped
public class MediaStore {

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "media.dir")
    Optional<String> configured;

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

    private static Path folder(Path folder) {
        try {
            return Files.createDirectories(folder.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }
}
