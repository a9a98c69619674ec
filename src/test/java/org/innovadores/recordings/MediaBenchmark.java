package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.BenchmarkFiles;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.Test;

/**
 * Recordings under load, on this machine, with figures for the README (target/benchmark/media.txt):
 * the tool streaming a 1 GiB recording in byte ranges next to nginx serving the same file in the
 * same run; and a 2 GiB upload into a tool whose heap is capped at 256 MiB, watching its resident
 * memory. `mvn -Pbenchmark verify -Dit.test=MediaBenchmark` runs both.
 */
class MediaBenchmark {

    static final long GIB = 1024L * 1024 * 1024;
    static final int CONCURRENCY = 4;
    static final long RANGE = 8L * 1024 * 1024;
    static final Duration ROUND = Duration.ofSeconds(20);
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final Path WORK = Path.of(System.getProperty("project.dir", "."), "target", "benchmark");

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void rangeStreamingAgainstNginxAndABigUploadInASmallHeap() throws Exception {
        Files.createDirectories(WORK);
        StringBuilder report = new StringBuilder("Media benchmark (" + CONCURRENCY + " concurrent clients, "
                + RANGE / (1024 * 1024) + " MiB ranges at random offsets, " + ROUND.toSeconds() + " s rounds)\n");
        Path recording = BenchmarkFiles.file(WORK.resolve("media-1g.mp4"), GIB);
        int port = org.innovadores.testing.FreePort.any();

        try (PayaraProcess tool = PayaraProcess.startReady(port, Map.of("media.max-upload-bytes", String.valueOf(3 * GIB),
                "jvm.heap", "-Xmx256m"))) {
            Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
            String token = LtiClient.launchAt(tool.baseUrl(), moodle, claims -> claims.put(
                    "https://purl.imsglobal.org/spec/lti/claim/roles", List.of(INSTRUCTOR)));
            ToolHttp.get(tool.baseUrl() + "/course?s=" + token);

            // The 2 GiB upload first, while the heap is fresh: resident memory before, and its peak during.
            Path big = BenchmarkFiles.file(WORK.resolve("media-2g.mp4"), 2 * GIB);
            // A first, smaller upload warms the upload path before memory is measured.
            BenchmarkFiles.upload(tool.baseUrl(), token, "calentamiento.mp4", big, 64L * 1024 * 1024, 8L * 1024 * 1024);
            long before = BenchmarkFiles.rss(tool.pid());
            long[] peak = {before};
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], BenchmarkFiles.rss(tool.pid()));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long started = System.nanoTime();
            String bigAsset = BenchmarkFiles.upload(tool.baseUrl(), token, "grande.mp4", big, 2 * GIB, 64L * 1024 * 1024);
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            sampler.join();
            report.append(String.format("2 GiB upload, heap capped at 256 MiB: %.1f s (%.0f MiB/s); resident memory %d MiB before, "
                            + "peak %d MiB during: grew %d MiB%n", uploadSeconds, 2048 / uploadSeconds, before >> 20, peak[0] >> 20,
                    (peak[0] - before) >> 20));
            assertThat(bigAsset).isNotBlank();

            String asset = BenchmarkFiles.upload(tool.baseUrl(), token, "taller.mp4", recording, GIB, 64L * 1024 * 1024);
            String toolUrl = tool.baseUrl() + "/course/media/" + asset + "?s=" + token;
            try (Nginx nginx = Nginx.start(WORK.resolve("nginx"), recording, port + 1)) {
                String nginxUrl = nginx.url(recording.getFileName().toString());
                run(toolUrl, ROUND);
                run(nginxUrl, ROUND);
                double[] toolRates = new double[2];
                double[] nginxRates = new double[2];
                for (int round = 0; round < 2; round++) {
                    nginxRates[round] = run(nginxUrl, ROUND);
                    toolRates[round] = run(toolUrl, ROUND);
                }
                double toolRate = (toolRates[0] + toolRates[1]) / 2;
                double nginxRate = (nginxRates[0] + nginxRates[1]) / 2;
                report.append(String.format("range streaming of a 1 GiB file: tool %.0f MiB/s (rounds %.0f, %.0f), nginx %s %.0f MiB/s "
                                + "(rounds %.0f, %.0f): the tool at %.0f %% of nginx%n", toolRate, toolRates[0], toolRates[1],
                        nginx.version(), nginxRate, nginxRates[0], nginxRates[1], 100 * toolRate / nginxRate));
            }
        }
        System.out.println(report);
        Files.writeString(WORK.resolve("media.txt"), report);
    }

    /** MiB/s that {@link #CONCURRENCY} clients fetch in random 8 MiB ranges of the file at {@code url}. */
    private double run(String url, Duration round) throws Exception {
        long length = GIB;
        AtomicLong bytes = new AtomicLong();
        long deadline = System.nanoTime() + round.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CONCURRENCY; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                byte[] sink = new byte[256 * 1024];
                while (System.nanoTime() < deadline) {
                    long first = ThreadLocalRandom.current().nextLong(length - RANGE);
                    try {
                        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Range", "bytes=" + first + "-" + (first + RANGE - 1)).build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                        if (response.statusCode() != 206) throw new IllegalStateException("status " + response.statusCode());
                        try (InputStream in = response.body()) {
                            for (int read; (read = in.read(sink)) != -1; ) bytes.addAndGet(read);
                        }
                    } catch (Exception e) {
                        errors.add(e);
                        return;
                    }
                }
            }));
        }
        for (Thread worker : workers) worker.join();
        assertThat(errors).as("errors fetching " + url).isEmpty();
        return bytes.get() / (1024.0 * 1024.0) / ((System.nanoTime() - start) / 1e9);
    }

    /** Resident memory of a process, from /proc. */
    /** nginx from Debian's package, serving one folder on loopback with sendfile, as it ships. */
    record Nginx(Process process, int port) implements AutoCloseable {

        static Nginx start(Path prefix, Path file, int port) throws IOException, InterruptedException {
            Path binary = Path.of("/usr/sbin/nginx");
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("nginx is needed for this benchmark: apt-get install nginx");
            }
            Files.createDirectories(prefix.resolve("logs"));
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, "worker_processes auto;\npid " + prefix.resolve("nginx.pid") + ";\nerror_log "
                    + prefix.resolve("logs/error.log") + ";\nevents { worker_connections 256; }\nhttp {\n"
                    + "  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  types { video/mp4 mp4; }\n"
                    + "  client_body_temp_path " + prefix.resolve("tmp") + ";\n"
                    + "  server {\n    listen 127.0.0.1:" + port + ";\n    root " + file.getParent() + ";\n  }\n}\n");
            Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", conf.toString(), "-g",
                    "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("logs/out.log").toFile()).start();
            for (int i = 0; i < 100; i++) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    return new Nginx(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            process.destroy();
            throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
        }

        String url(String name) {
            return "http://127.0.0.1:" + port + "/" + name;
        }

        String version() throws IOException, InterruptedException {
            Process v = new ProcessBuilder("/usr/sbin/nginx", "-v").redirectErrorStream(true).start();
            String out = new String(v.getInputStream().readAllBytes()).strip();
            v.waitFor();
            return out.replace("nginx version: ", "");
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
