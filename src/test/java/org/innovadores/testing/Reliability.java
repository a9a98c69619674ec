package org.innovadores.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fault tests' figures, one file each under target/reliability, for the README's reliability section. */
public final class Reliability {

    private Reliability() {
    }

    public static void record(String name, String report) {
        try {
            Path out = Path.of(System.getProperty("project.dir", "."), "target", "reliability", name + ".txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
