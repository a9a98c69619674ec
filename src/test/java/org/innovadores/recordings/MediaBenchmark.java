package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void rangeStreamingAgainstNginxAndABigUploadInASmallHeap() throws Exception {
        Files.createDirectories(WORK);
        StringBuilder report = new StringBuilder("Media benchmark (" + CONCURRENCY + " concurrent clients, "
                + RANGE / (1024 * 1024) + " MiB ranges at random offsets, " + ROUND.toSeconds() + " s rounds)\n");
        Path recording = file(WORK.resolve("media-1g.mp4"), GIB);
        int port = org.innovadores.testing.FreePort.any();

        try (PayaraProcess tool = PayaraProcess.startReady(port, Map.of("media.max-upload-bytes", String.valueOf(3 * GIB),
                "jvm.heap", "-Xmx256m"))) {
            Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
            String token = LtiClient.launchAt(tool.baseUrl(), moodle, claims -> claims.put(
                    "https://purl.imsglobal.org/spec/lti/claim/roles", List.of(INSTRUCTOR)));
            ToolHttp.get(tool.baseUrl() + "/course?s=" + token);

            // The 2 GiB upload first, while the heap is fresh: resident memory before, and its peak during.
            Path big = file(WORK.resolve("media-2g.mp4"), 2 * GIB);
            // A first, smaller upload warms the upload path before memory is measured.
            upload(tool.baseUrl(), token, "calentamiento.mp4", big, 64L * 1024 * 1024, 8L * 1024 * 1024);
            long before = rss(tool.pid());
            long[] peak = {before};
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], rss(tool.pid()));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long started = System.nanoTime();
            String bigAsset = upload(tool.baseUrl(), token, "grande.mp4", big, 2 * GIB, 64L * 1024 * 1024);
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            sampler.join();
            report.append(String.format("2 GiB upload, heap capped at 256 MiB: %.1f s (%.0f MiB/s); resident memory %d MiB before, "
                            + "peak %d MiB during: grew %d MiB%n", uploadSeconds, 2048 / uploadSeconds, before >> 20, peak[0] >> 20,
                    (peak[0] - before) >> 20));
            assertThat(bigAsset).isNotBlank();

            String asset = upload(tool.baseUrl(), token, "taller.mp4", recording, GIB, 64L * 1024 * 1024);
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

    /** A file of the given size that starts like an MP4, written once and reused by later runs. */
    static Path file(Path path, long size) throws IOException {
        if (Files.exists(path) && Files.size(path) == size) return path;
        byte[] block = new byte[4 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(block);
        byte[] head = "\0\0\0\u0018ftypisom\0\0\0\u0001".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, block, 0, head.length);
        try (OutputStream out = Files.newOutputStream(path)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
                block[100] ^= 1;
            }
        }
        return path;
    }

    /** Uploads the first {@code size} bytes of a file by the resumable protocol in chunks, as the page's script does. */
    private String upload(String base, String token, String name, Path file, long size, long chunk) throws Exception {
        String csrf = org.jsoup.Jsoup.parse(ToolHttp.get(base + "/course/profile?s=" + token).body())
                .selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/course/authoring/uploads"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(Map.of("s", token, "csrf", csrf, "module",
                        "descubrimiento", "kind", "VIDEO", "title", name, "file_name", name, "size", String.valueOf(size))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = base + created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> last = null;
        for (long offset = 0; offset < size; offset += chunk) {
            long length = Math.min(chunk, size - offset);
            long from = offset;
            last = http.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", String.valueOf(offset))
                    .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> slice(file, from, length)), length)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(last.statusCode()).as(last.body()).isIn(201, 204);
        }
        return last.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
    }

    private static InputStream slice(Path file, long from, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(from);
            return new java.io.FilterInputStream(in) {
                long left = length;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) return -1;
                    int read = super.read(b, off, (int) Math.min(len, left));
                    if (read > 0) left -= read;
                    return read;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException gone) {
            return 0;
        }
        return 0;
    }

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
