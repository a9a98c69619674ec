package org.innovadores.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test PostgreSQL before the first test of the JVM, so that Payara Micro, which the
 * Arquillian adapter starts before a test class runs, finds it there.
 */
public class TestSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("it.integration")) {
            TestDatabase.postgres();
            writePlatformFiles();
        }
    }

    /**
     * Registrations by file that the tool reads at start: the captured Moodle's client and
     * deployment, issued by the test platform, and a broken file the tool must skip.
     */
    private static void writePlatformFiles() {
        java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("it.work.dir", "target/it"), "lti-config", "platforms");
        String issuer = "http://127.0.0.1:" + Integer.getInteger("it.platform.port", 18700) + "/p/moodle";
        try {
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.writeString(folder.resolve("moodle.json"), """
                    {
                      "name": "Moodle 5.1 (captured)",
                      "issuer": "%1$s",
                      "client_id": "m1Ox7QKye0VrzFh",
                      "deployment_ids": ["1"],
                      "authorization_endpoint": "%1$s/auth",
                      "token_endpoint": "%1$s/token",
                      "jwks_uri": "%1$s/jwks"
                    }
                    """.formatted(issuer));
            java.nio.file.Files.writeString(folder.resolve("broken.json"), """
                    { "issuer": "ftp://nowhere", "client_id": "", "deployment_ids": "1" }
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.stop();
    }
}
