package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.BenchmarkFiles;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.S3Server;
import org.innovadores.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Renditions and object storage on this machine, with figures for the README
 * (target/benchmark/renditions.txt): how fast a 10-minute 720p video's renditions are made (× real
 * time); the program overview's p99 while they are made against idle; and, with media in an S3 API
 * (S3Proxy), the tool's CPU per media request (a presigned redirect) next to a trivial request and
 * the bytes the tool itself writes for a full playback, against the same playback served from disk.
 * `mvn -Pbenchmark verify -Dit.test=RenditionBenchmark`.
 */
class RenditionBenchmark {

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final Path WORK = Path.of(System.getProperty("project.dir", "."), "target", "benchmark");
    static final long CHUNK = 8L * 1024 * 1024;
    static final long PLAYED = 64L * 1024 * 1024;

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void renditionSpeedPagesDuringARenditionAndTheObjectStoresCosts() throws Exception {
        Files.createDirectories(WORK);
        StringBuilder report = new StringBuilder("Renditions and object storage\n");
        Path video = WORK.resolve("taller-10min-720p.mp4");
        if (!Files.exists(video)) {
            long made = System.nanoTime();
            run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=duration=600:size=1280x720:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=600", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "1500k",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", video.toString()));
            System.out.printf("test video made in %.0f s%n", (System.nanoTime() - made) / 1e9);
        }
        Path played = BenchmarkFiles.file(WORK.resolve("played-64m.mp4"), PLAYED);
        Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");

        // On disk: renditions of the 10-minute video while a participant's overview is asked for.
        TestDatabase.freshDatabase("renditionbench");
        Map<String, String> onDisk = new LinkedHashMap<>();
        onDisk.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/renditionbench"));
        onDisk.put("data.dir", WORK.resolve("renditions-data").toString());
        int port = FreePort.any();
        long diskPlaybackWrites;
        try (PayaraProcess tool = PayaraProcess.startReady(port, onDisk)) {
            String teacher = launch(tool, moodle, INSTRUCTOR, "bench-teacher");
            String learner = launch(tool, moodle, LEARNER, "bench-learner");
            String overview = tool.baseUrl() + "/course?s=" + learner;
            latencies(overview, Duration.ofSeconds(15)); // warm-up
            List<Long> idle = latencies(overview, Duration.ofSeconds(30));

            // The rendition alone, nothing else asked of the machine.
            String asset = BenchmarkFiles.upload(tool.baseUrl(), teacher, "taller.mp4", video, Files.size(video), CHUNK);
            long started = System.nanoTime();
            String state;
            while (!(state = jobState(asset)).equals("DONE") && !state.equals("FAILED")) Thread.sleep(200);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(state).isEqualTo("DONE");
            double duration = probeSeconds(video);
            report.append(String.format("renditions (poster, 360p, audio) of a %.0f s 1280×720 H.264 video at nice 10, nothing else running: "
                    + "%.1f s, %.1f× real time%n", duration, seconds, duration / seconds));

            // The same again while participants read the overview: the pages keep their pace, the rendition yields.
            String second = BenchmarkFiles.upload(tool.baseUrl(), teacher, "taller-otra-vez.mp4", video, Files.size(video), CHUNK);
            started = System.nanoTime();
            List<Long> busy = new ArrayList<>();
            while (!(state = jobState(second)).equals("DONE") && !state.equals("FAILED")) busy.addAll(latencies(overview, Duration.ofSeconds(5)));
            double loaded = (System.nanoTime() - started) / 1e9;
            report.append(String.format("program overview, 2 clients each asking every %d ms: idle p50 %.1f ms p99 %.1f ms (%d requests); "
                            + "during a rendition p50 %.1f ms p99 %.1f ms (%d requests): p99 %.2f× idle; that rendition took %.1f s (%.1f× real time)%n",
                    PACE.toMillis(), pct(idle, 50), pct(idle, 99), idle.size(), pct(busy, 50), pct(busy, 99), busy.size(),
                    pct(busy, 99) / pct(idle, 99), loaded, duration / loaded));

            String small = BenchmarkFiles.upload(tool.baseUrl(), teacher, "reproducida.mp4", played, PLAYED, CHUNK);
            diskPlaybackWrites = playbackWrites(tool, tool.baseUrl() + "/course/media/" + small + "?s=" + learner);
        }

        // In the object store: the same playback, and what a media request costs the tool.
        try (S3Server s3 = S3Server.start("bench")) {
            TestDatabase.freshDatabase("objectbench");
            Map<String, String> inStore = new LinkedHashMap<>(s3.settings("bench-media"));
            inStore.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/objectbench"));
            inStore.put("data.dir", WORK.resolve("objects-data").toString());
            port = FreePort.any();
            try (PayaraProcess tool = PayaraProcess.startReady(port, inStore)) {
                String teacher = launch(tool, moodle, INSTRUCTOR, "bench-teacher");
                String learner = launch(tool, moodle, LEARNER, "bench-learner");
                String asset = BenchmarkFiles.upload(tool.baseUrl(), teacher, "reproducida.mp4", played, PLAYED, CHUNK);
                String media = tool.baseUrl() + "/course/media/" + asset + "?s=" + learner;
                String trivial = tool.baseUrl() + "/health/live";
                cpuPerRequest(tool, media, 1000, 303);
                cpuPerRequest(tool, trivial, 1000, 200);
                double redirect = cpuPerRequest(tool, media, 4000, 303);
                double health = cpuPerRequest(tool, trivial, 4000, 200);
                report.append(String.format("tool CPU per request, object store: media request (access check + presigned redirect) %.2f ms, "
                        + "/health/live %.2f ms%n", redirect, health));
                long storeWrites = playbackWrites(tool, media);
                report.append(String.format("bytes the tool wrote during a full playback of a %d MiB recording: from disk %.1f MiB; "
                                + "from the object store %.1f KiB (the %d MiB came from the store)%n", PLAYED >> 20,
                        diskPlaybackWrites / 1048576.0, storeWrites / 1024.0, PLAYED >> 20));
            }
        }
        System.out.println(report);
        Files.writeString(WORK.resolve("renditions.txt"), report);
    }

    private static String launch(PayaraProcess tool, Tenant moodle, String role, String subject) {
        String token = LtiClient.launchAt(tool.baseUrl(), moodle, claims -> {
            claims.put("sub", subject);
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role));
        });
        assertThat(get(tool.baseUrl() + "/course?s=" + token)).isIn(200, 303);
        return token;
    }

    /** Two participants reading pages: one request each per pace, as a person clicking would, not a flood. */
    static final Duration PACE = Duration.ofMillis(100);

    /** Microseconds of each GET of the page, two clients at {@link #PACE}, for the duration. */
    private static List<Long> latencies(String url, Duration duration) throws InterruptedException {
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    assertThat(get(url)).isEqualTo(200);
                    long took = System.nanoTime() - t;
                    all.add(took / 1000);
                    long rest = PACE.toNanos() - took;
                    if (rest > 0) java.util.concurrent.locks.LockSupport.parkNanos(rest);
                }
            }));
        }
        for (Thread c : clients) c.join();
        return all;
    }

    private static double pct(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    /** CPU milliseconds of the tool per GET, over n requests from two clients. */
    private static double cpuPerRequest(PayaraProcess tool, String url, int n, int status) throws InterruptedException {
        double before = tool.cpuSeconds();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                for (int k = 0; k < n / 2; k++) assertThat(get(url)).isEqualTo(status);
            }));
        }
        for (Thread c : clients) c.join();
        return (tool.cpuSeconds() - before) * 1000 / n;
    }

    /** Bytes the tool process wrote (sockets included, /proc/PID/io wchar) while a client played the whole file. */
    private static long playbackWrites(PayaraProcess tool, String url) throws Exception {
        long before = wchar(tool.pid());
        long read = 0;
        String next = url;
        for (int hops = 0; hops < 3; hops++) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(next)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 303) {
                response.body().close();
                next = response.headers().firstValue("Location").orElseThrow();
                continue;
            }
            assertThat(response.statusCode()).isEqualTo(200);
            try (InputStream in = response.body()) {
                byte[] sink = new byte[256 * 1024];
                for (int r; (r = in.read(sink)) != -1; ) read += r;
            }
            break;
        }
        assertThat(read).isEqualTo(PLAYED);
        return wchar(tool.pid()) - before;
    }

    private static long wchar(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "io"))) {
            if (line.startsWith("wchar:")) return Long.parseLong(line.substring(6).strip());
        }
        throw new IllegalStateException("no wchar for " + pid);
    }

    private static int get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jobState(String asset) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(TestDatabase.jdbcUrl().replace("/postgres", "/renditionbench"), "postgres", "");
             var q = c.prepareStatement("SELECT state FROM job WHERE subject_id = ?")) {
            q.setObject(1, java.util.UUID.fromString(asset));
            try (var r = q.executeQuery()) {
                return r.next() ? r.getString(1) : "NONE";
            }
        }
    }

    private static double probeSeconds(Path file) throws Exception {
        return Double.parseDouble(run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                file.toString())).strip());
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
