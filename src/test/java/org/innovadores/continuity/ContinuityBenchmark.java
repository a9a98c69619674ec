package org.innovadores.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.BenchmarkFiles;
import org.innovadores.testing.ExerciseFiller;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.ToolHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Continuity on this machine, with figures for the README (target/benchmark/continuity.txt): a
 * program with a 2 GiB recording exported with its files and imported into another course by a tool
 * whose heap is capped at 256 MiB, watching its resident memory; and the PDF of a team portfolio
 * of the program's 19 exercises. `mvn -Pbenchmark verify -Dit.test=ContinuityBenchmark` runs it.
 */
class ContinuityBenchmark {

    static final long GIB = 1024L * 1024 * 1024;
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final Path WORK = Path.of(System.getProperty("project.dir", "."), "target", "benchmark");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void packagesOfGigabytesInASmallHeapAndAPortfolioPdf() throws Exception {
        Files.createDirectories(WORK);
        StringBuilder report = new StringBuilder("Continuity benchmark (tool heap capped at 256 MiB)\n");
        Path recording = BenchmarkFiles.file(WORK.resolve("media-2g.mp4"), 2 * GIB);
        int port = org.innovadores.testing.FreePort.any();
        try (PayaraProcess tool = PayaraProcess.startReady(port, Map.of("media.max-upload-bytes", String.valueOf(3 * GIB), "jvm.heap", "-Xmx256m"))) {
            Tenant moodle = TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
            String source = launch(tool, moodle, "bench-teacher", INSTRUCTOR, "cohorte-a");
            BenchmarkFiles.upload(tool.baseUrl(), source, "taller-completo.mp4", recording, 2 * GIB, 64L * 1024 * 1024);

            // Export with the recording's file, streamed to disk.
            Path exported = WORK.resolve("programa.zip");
            long[] sample = watch(tool);
            long started = System.nanoTime();
            HttpResponse<Path> out = http.send(HttpRequest.newBuilder(URI.create(tool.baseUrl() + "/course/continuity/package?recordings=1&s=" + source))
                    .build(), HttpResponse.BodyHandlers.ofFile(exported));
            double exportSeconds = (System.nanoTime() - started) / 1e9;
            long[] exportMemory = stop(sample);
            assertThat(out.statusCode()).isEqualTo(200);
            long size = Files.size(exported);
            report.append(String.format("export of a program with a 2 GiB recording: %.1f s (%.0f MiB/s), %d MiB; resident memory %d MiB "
                    + "before, peak %d MiB: grew %d MiB%n", exportSeconds, size / 1048576.0 / exportSeconds, size >> 20,
                    exportMemory[0] >> 20, exportMemory[1] >> 20, (exportMemory[1] - exportMemory[0]) >> 20));

            // Import into another course: uploaded, checked (every byte hashed), applied.
            String target = launch(tool, moodle, "bench-teacher", INSTRUCTOR, "cohorte-b");
            sample = watch(tool);
            started = System.nanoTime();
            HttpResponse<String> in = http.send(multipart(tool.baseUrl(), target, exported), HttpResponse.BodyHandlers.ofString());
            double importSeconds = (System.nanoTime() - started) / 1e9;
            long[] importMemory = stop(sample);
            assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
            report.append(String.format("import of that package: %.1f s (%.0f MiB/s); resident memory %d MiB before, peak %d MiB: grew %d MiB%n",
                    importSeconds, size / 1048576.0 / importSeconds, importMemory[0] >> 20, importMemory[1] >> 20,
                    (importMemory[1] - importMemory[0]) >> 20));

            // A team portfolio of the program's 19 exercises, each written in full, as PDF.
            String team = post(tool, source, "/course/teams", Map.of("name", "Equipo Ñandutí")).headers().firstValue("Location").orElseThrow();
            String teamId = team.replaceAll(".*/course/teams/([0-9a-f-]{36}).*", "$1");
            String ana = launch(tool, moodle, "bench-ana", LEARNER, "cohorte-a");
            post(tool, source, "/course/teams/" + teamId + "/members", Map.of("subject", "bench-ana"));
            for (Map.Entry<String, String> e : ExerciseFiller.templatesByModule().entrySet()) {
                String location = post(tool, ana, "/course/teams/" + teamId + "/exercises", Map.of("module", e.getValue(), "template", e.getKey()))
                        .headers().firstValue("Location").orElseThrow();
                String path = URI.create(location).getPath();
                Document form = Jsoup.parse(ToolHttp.get(tool.baseUrl() + path + "?s=" + ana).body());
                assertThat(post(tool, ana, path, ExerciseFiller.filled(form)).statusCode()).isEqualTo(303);
            }
            List<Double> seconds = new ArrayList<>();
            sample = watch(tool);
            long before = BenchmarkFiles.rss(tool.pid());
            for (int i = 0; i < 6; i++) {
                started = System.nanoTime();
                HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(tool.baseUrl() + "/course/teams/" + teamId
                        + "/portfolio/pdf?s=" + ana)).build(), HttpResponse.BodyHandlers.ofByteArray());
                seconds.add((System.nanoTime() - started) / 1e9);
                assertThat(pdf.statusCode()).isEqualTo(200);
                if (i == 0) report.append(String.format("portfolio PDF of 19 exercises: %d KiB%n", pdf.body().length >> 10));
            }
            long[] pdfMemory = stop(sample);
            report.append(String.format("portfolio PDF: first %.2f s (cold), then %s s; resident memory %d MiB before, peak %d MiB%n",
                    seconds.getFirst(), seconds.subList(1, seconds.size()).stream().map(s -> String.format("%.2f", s)).toList(),
                    before >> 20, pdfMemory[1] >> 20));
        }
        System.out.println(report);
        Files.writeString(WORK.resolve("continuity.txt"), report);
    }

    private String launch(PayaraProcess tool, Tenant tenant, String subject, String role, String course) {
        String token = LtiClient.launchAt(tool.baseUrl(), tenant, claims -> {
            claims.put("sub", subject);
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role));
            claims.put("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", course));
        });
        ToolHttp.get(tool.baseUrl() + "/course?s=" + token);
        return token;
    }

    private HttpResponse<String> post(PayaraProcess tool, String token, String path, Map<String, String> fields) throws Exception {
        String csrf = Jsoup.parse(ToolHttp.get(tool.baseUrl() + "/course/profile?s=" + token).body()).selectFirst("input[name=csrf]").attr("value");
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("s", token);
        all.put("csrf", csrf);
        return http.send(HttpRequest.newBuilder(URI.create(tool.baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(all))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest multipart(String base, String token, Path file) throws Exception {
        String csrf = Jsoup.parse(ToolHttp.get(base + "/course/profile?s=" + token).body()).selectFirst("input[name=csrf]").attr("value");
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"s\"\r\n\r\n" + token + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"programa.zip\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/course/continuity/package?s=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail))).build();
    }

    /** Starts sampling the tool's resident memory every 100 ms: [before, peak, running flag]. */
    private static long[] watch(PayaraProcess tool) {
        long before = BenchmarkFiles.rss(tool.pid());
        long[] sample = {before, before, 1};
        Thread.ofPlatform().daemon().start(() -> {
            while (sample[2] == 1) {
                sample[1] = Math.max(sample[1], BenchmarkFiles.rss(tool.pid()));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return sample;
    }

    private static long[] stop(long[] sample) throws InterruptedException {
        sample[2] = 0;
        Thread.sleep(150);
        return sample;
    }
}
