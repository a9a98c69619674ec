package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.TestDatabase;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.Test;

/**
 * The tool killed (SIGKILL) while ffmpeg makes a recording's renditions: nothing half-made becomes
 * visible, and once the dead instance's lease runs out the next instance takes the job again and
 * completes it.
 */
class RenditionRestartIT {

    @Test
    void aRenditionCutByAKilledToolIsTakenAgainAndCompletes() throws Exception {
        int port = Integer.getInteger("it.http.port", 18080);
        Map<String, String> settings = Map.of("media.renditions.lease", "PT3S",
                "data.dir", System.getProperty("it.work.dir", "target/it") + "/data-renditions");
        Path dir = Files.createTempDirectory("rendition-restart");
        Path sample = dir.resolve("largo.mp4");
        run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=duration=90:size=1280x720:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=330:duration=90", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest", sample.toString()));
        String asset;
        CoursePerson teacher;
        try (PayaraProcess first = PayaraProcess.startReady(port, settings)) {
            Tenant tenant = CoursePerson.registered("renditions-restart");
            teacher = CoursePerson.launch(tenant, "rr-irene", "Irene Instructora", INSTRUCTOR, "restart-" + System.nanoTime());
            teacher.page("/course");
            asset = upload(teacher, Files.readAllBytes(sample));
            String state = await(asset, "RUNNING", 120);
            assertThat(state).isEqualTo("RUNNING");
            Thread.sleep(1500);
            first.kill();
        }
        assertThat(count("SELECT COUNT(*) FROM media_rendition WHERE asset_id = ?::uuid", asset)).as("nothing half-made visible").isZero();
        try (PayaraProcess second = PayaraProcess.startReady(port, settings)) {
            assertThat(await(asset, "DONE", 300)).isEqualTo("DONE");
            assertThat(count("SELECT attempts FROM job WHERE subject_id = ?::uuid", asset)).as("taken again").isGreaterThanOrEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM media_rendition WHERE asset_id = ?::uuid", asset)).isEqualTo(3);
            assertThat(teacher.page("/course/recordings/" + asset).select("#version option").eachAttr("value"))
                    .containsExactly("original", "light", "audio");
        }
    }

    /** Waits until the recording's rendition job is in that state (or the time is up); answers its state then. */
    private static String await(String asset, String state, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String now = "";
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        while (System.nanoTime() < deadline) {
            try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
                 PreparedStatement q = db.prepareStatement("SELECT state FROM job WHERE subject_id = ?::uuid")) {
                q.setString(1, asset);
                try (ResultSet rs = q.executeQuery()) {
                    now = rs.next() ? rs.getString(1) : "";
                }
            }
            seen.add(now);
            if (now.equals(state)) return now;
            Thread.sleep(100);
        }
        System.out.println("Rendition job states seen while waiting for " + state + ": " + seen);
        return now;
    }

    private static int count(String sql, String asset) throws Exception {
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
             PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, asset);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static String upload(CoursePerson teacher, byte[] bytes) {
        HttpResponse<String> created = teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "workshop", "taller-3",
                "kind", "VIDEO", "title", "Taller largo", "file_name", "largo.mp4", "size", String.valueOf(bytes.length)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> done = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + created.headers().firstValue("Location")
                        .orElseThrow())).header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", "0")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        return done.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(0);
    }
}
