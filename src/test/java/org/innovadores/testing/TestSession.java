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
            // Other LMSs as their fixtures describe them: their own issuer, client and deployment, with
            // endpoints the test platform serves for them (OtherPlatformsIT).
            for (String lms : java.util.List.of("canvas", "brightspace", "blackboard", "sakai")) {
                java.util.Map<String, Object> registration = fixtureRegistration(lms);
                String endpoints = "http://127.0.0.1:" + Integer.getInteger("it.platform.port", 18700) + "/p/" + lms + "-fixture";
                java.nio.file.Files.writeString(folder.resolve(lms + ".json"), """
                        {
                          "name": "%1$s (fixture)",
                          "issuer": "%2$s",
                          "client_id": "%3$s",
                          "deployment_ids": ["%4$s"],
                          "authorization_endpoint": "%5$s/auth",
                          "token_endpoint": "%5$s/token",
                          "jwks_uri": "%5$s/jwks"
                        }
                        """.formatted(lms, registration.get("issuer"), registration.get("client_id"), registration.get("deployment_id"),
                        endpoints));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The registration part of a fixture (src/test/resources/fixtures/LMS.json): issuer, client_id, deployment_id. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> fixtureRegistration(String lms) {
        return (java.util.Map<String, Object>) fixture(lms).get("registration");
    }

    public static java.util.Map<String, Object> fixture(String lms) {
        try (var in = TestSession.class.getResourceAsStream("/fixtures/" + lms + ".json")) {
            return org.jose4j.json.JsonUtil.parseJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | org.jose4j.lang.JoseException e) {
            throw new IllegalStateException("fixture " + lms, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestDatabase.stop();
    }
}
