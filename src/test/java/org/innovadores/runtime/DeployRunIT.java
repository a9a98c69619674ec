package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.Test;

/**
 * deploy/run as a newcomer runs it: on an empty DATA_DIR it creates the embedded H2 database,
 * keys and secrets and answers ready; a launch works on H2; after a restart the data is still there.
 */
class DeployRunIT {

    @Test
    void firstStartOnAnEmptyDataDirThenRestartKeepsTheData() throws Exception {
        int port = Integer.getInteger("it.http.port", 18080) + 7;
        Path dataDir = Path.of(System.getProperty("it.work.dir", "target/it"), "deploy-run-data");
        deleteRecursively(dataDir);
        String base = "http://localhost:" + port;

        String kid;
        try (Running tool = Running.start(port, dataDir)) {
            tool.awaitReady(base);
            kid = jwksKid(base);
            assertThat(Files.readString(tool.log)).contains("ready at " + base + "/");
            assertThat(Files.exists(dataDir.resolve("db/innovadores.mv.db"))).isTrue();
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db/password")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("admin-token")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(launchOnH2(base)).isEqualTo(200);
        }
        try (Running tool = Running.start(port, dataDir)) {
            tool.awaitReady(base);
            assertThat(jwksKid(base)).as("the key generated at first start survives a restart").isEqualTo(kid);
            assertThat(launchOnH2(base)).isEqualTo(200);
        }
    }

    /** A launch by the file-registered test Moodle against the tool on H2; answers the first page's status. */
    private static int launchOnH2(String base) {
        Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
        Map<String, String> params = LtiClient.loginParameters(moodle);
        params.put("target_link_uri", base + "/course");
        HttpResponse<String> login = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(params))).build());
        Map<String, String> query = TestPlatform.query(URI.create(login.headers().firstValue("Location").orElseThrow()));
        String state = query.get("state");
        Map<String, Object> claims = moodle.resourceLinkClaims(query.get("nonce"));
        claims.put("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", base + "/course");
        HttpResponse<String> launched = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "lti_state_" + state + "=" + login.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("lti_state_")).findFirst().orElseThrow().replaceAll("^[^=]+=([^;]*);.*", "$1"))
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("id_token", moodle.sign(claims), "state", state))))
                .build());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        return ToolHttp.get(base + launched.headers().firstValue("Location").orElseThrow()).statusCode();
    }

    private static String jwksKid(String base) {
        return ToolHttp.get(base + "/lti/jwks").body().replaceAll("(?s).*\"kid\":\"([^\"]+)\".*", "$1");
    }

    private static final class Running implements AutoCloseable {
        final Process process;
        final Path log;

        private Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Running start(int port, Path dataDir) throws IOException {
            Path project = Path.of(System.getProperty("project.dir", "."));
            Path log = Files.createTempFile("deploy-run", ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", project.resolve("deploy/run").toString())
                    .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("DATA_DIR", dataDir.toString());
            builder.environment().put("LTI_CONFIG_DIR", Path.of(System.getProperty("it.work.dir", "target/it"), "lti-config").toString());
            builder.environment().remove("DB_URL");
            return new Running(builder.start(), log);
        }

        void awaitReady(String base) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.readString(log).contains("ready at ")) return;
                if (!process.isAlive()) throw new IllegalStateException("deploy/run exited: " + Files.readString(log));
                Thread.sleep(250); // polling a process's output; nothing to synchronise on
            }
            throw new IllegalStateException("deploy/run not ready: see " + log);
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // deploy/run execs Java: this is the server itself
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
