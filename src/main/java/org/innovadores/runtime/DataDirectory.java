package org.innovadores.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The folder under which the tool keeps everything it writes: embedded database, keys, media. */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "data.dir", defaultValue = "./data")
    String configured;

    public Path root() {
        return Path.of(configured).toAbsolutePath().normalize();
    }

    /** A sub-folder of the data directory, created when missing. */
    public Path folder(String name) {
        Path folder = root().resolve(name);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    public boolean writable() {
        Path root = root();
        return Files.isDirectory(root) && Files.isWritable(root);
    }
}
