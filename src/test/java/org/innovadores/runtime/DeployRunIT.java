package org.innovadores.runtime;

import org.innovadores.testing.DeployRun;
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
import java.util.List;
import java.util.Set;
import org.innovadores.testing.AutosaveStorm;
import org.innovadores.testing.Reliability;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.Test;

/**
 * deploy/run as a newcomer runs it: on an empty DATA_DIR it creates the embedded H2 database,
 * keys and secrets and answers ready; a launch works on H2; after a restart the data is still there.
 */
class DeployRunIT {

    @Test
    void firstStartOnAnEmptyDataDirThenRestartKeepsTheData() throws Exception {
        int port = org.innovadores.testing.FreePort.any();
        Path dataDir = Path.of(System.getProperty("it.work.dir", "target/it"), "deploy-run-data");
        deleteRecursively(dataDir);
        String base = "http://localhost:" + port;

        String kid;
        try (DeployRun tool = DeployRun.start(port, dataDir)) {
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
        try (DeployRun tool = DeployRun.start(port, dataDir)) {
            tool.awaitReady(base);
            assertThat(jwksKid(base)).as("the key generated at first start survives a restart").isEqualTo(kid);
            assertThat(launchOnH2(base)).isEqualTo(200);
        }
    }

    /**
     * The default storage keeps every acknowledged save through a crash: five members of a team save
     * one exercise every 50 ms, the tool is killed with SIGKILL mid-storm, and after deploy/run starts
     * it again on the same data every member's last acknowledged text is there. Readiness after the
     * restart means ready: the first 200 from /health/ready is followed by working pages. Everything
     * under DATA_DIR is for the tool's user alone.
     */
    @Test
    void killedDuringAnAutosaveStormKeepsEveryAcknowledgedSave() throws Exception {
        int port = org.innovadores.testing.FreePort.any();
        Path dataDir = Path.of(System.getProperty("it.work.dir", "target/it"), "deploy-run-crash");
        deleteRecursively(dataDir);
        String base = "http://localhost:" + port;
        Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
        AutosaveStorm storm;
        DeployRun first = DeployRun.start(port, dataDir);
        try {
            first.awaitReady(base);
            storm = new AutosaveStorm(base, moodle, 5);
            storm.start(base, Duration.ofMillis(50));
            Thread.sleep(4000); // let the storm run; the crash comes in the middle of it
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            first.process.waitFor();
            storm.stop();
        } finally {
            first.close();
        }
        assertThat(storm.acknowledgedSaves()).as("saves acknowledged before the crash").isGreaterThan(50);

        try (DeployRun second = DeployRun.start(port, dataDir)) {
            long restarted = System.nanoTime();
            // Ready means the application answers: as soon as readiness says 200, pages do too.
            while (true) {
                HttpResponse<String> ready = probe(base + "/health/ready");
                if (ready != null && ready.statusCode() == 200) break;
                assertThat(System.nanoTime() - restarted).as("ready within 3 minutes").isLessThan(Duration.ofMinutes(3).toNanos());
                Thread.sleep(50); // polling the restarting server
            }
            assertThat(probe(base + "/lti/jwks").statusCode()).isEqualTo(200);
            assertThat(probe(base + "/").statusCode()).isEqualTo(200);
            double readySeconds = (System.nanoTime() - restarted) / 1e9;

            int lost = storm.lostAfterRestart(base, moodle);
            String report = String.format("H2 (deploy/run), kill -9 during an autosave storm: %d saves acknowledged, %d members' "
                    + "last acknowledged save missing after the restart; ready again after %.1f s%n", storm.acknowledgedSaves(), lost, readySeconds);
            System.out.print(report);
            Reliability.record("h2-crash", report);
            assertThat(lost).as("acknowledged saves lost").isZero();

            // A page opened before the crash may name a version the store does not have: it is saved.
            AutosaveStorm.Member member = storm.members().get(0);
            java.util.Map<String, String> form = new java.util.LinkedHashMap<>(member.form());
            form.put("version", "99999");
            form.put("f." + member.field(), "texto de una página abierta antes");
            HttpResponse<String> stale = ToolHttp.send(java.net.http.HttpRequest.newBuilder(URI.create(base + member.exercisePath()))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(LtiClient.form(form))).build());
            assertThat(stale.statusCode()).as(stale.body()).isEqualTo(200);
            assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(stale.body()).contains("\"conflicts\":[]");

            try (var paths = Files.walk(dataDir)) {
                List<Path> open = paths.filter(p -> {
                    try {
                        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        return permissions.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
                    } catch (IOException e) {
                        return false;
                    }
                }).toList();
                assertThat(open).as("files and folders others could read under DATA_DIR").isEmpty();
            }
        }
    }

    private static HttpResponse<String> probe(String url) {
        try {
            return ToolHttp.CLIENT.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    private static void deleteRecursively(Path folder) throws IOException {
        DeployRun.deleteRecursively(folder);
    }
}
