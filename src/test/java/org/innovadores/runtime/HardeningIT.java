package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.Reliability;
import org.innovadores.testing.TestDatabase;
import org.innovadores.testing.ToolHttp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Limits and faults that need an instance configured for them: media on a small file system that
 * fills up, a cap on registered platforms, the login and registration rates, and clients that send
 * their bodies a byte at a time. One instance on a database of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningIT {

    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final int MAX_PLATFORMS = 3;
    static final long MEDIA_FS = 24L * 1024 * 1024;

    static Path media;
    static PayaraProcess tool;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        media = Path.of(System.getProperty("it.work.dir", "target/it"), "hardening-media").toAbsolutePath();
        Files.createDirectories(media);
        run("umount", media.toString()); // a mount left by an interrupted run
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=" + MEDIA_FS, "tmpfs", media.toString()))
                .as("mounting a small tmpfs for the full-disk case needs root, as on the build machines").isZero();
        TestDatabase.freshDatabase("hardening");
        int port = FreePort.any();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/hardening"));
        settings.put("data.dir", System.getProperty("it.work.dir", "target/it") + "/data-hardening");
        settings.put("media.dir", media.toString());
        settings.put("media.max-upload-bytes", String.valueOf(64L * 1024 * 1024));
        settings.put("storage.min-free-bytes", String.valueOf(4L * 1024 * 1024));
        // Of the platforms registered by file, only the captured Moodle: the cap counts what is registered.
        Path work = Path.of(System.getProperty("it.work.dir", "target/it"));
        Path platforms = Files.createDirectories(work.resolve("lti-config-hardening").resolve("platforms"));
        Files.copy(work.resolve("lti-config").resolve("platforms").resolve("moodle.json"), platforms.resolve("moodle.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        settings.put("lti.config.dir", platforms.getParent().toString());
        settings.put("lti.registration.max-platforms", String.valueOf(MAX_PLATFORMS));
        settings.put("lti.registration.rate-per-minute", "6");
        settings.put("lti.login.rate-per-address", "90");
        tool = PayaraProcess.startReady(port, settings);
        base = tool.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (tool != null) tool.close();
        run("umount", media.toString());
    }

    @Test
    @Order(1)
    void aFullDiskIsA507WithTheSpaceGivenBackAndReadinessSaysSo() throws Exception {
        String token = LtiClient.launchAt(base, moodle(), claims -> {
            claims.put("sub", "disk-teacher");
            claims.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(INSTRUCTOR));
            claims.put("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "disk-course", "title", "Disco"));
        });
        ToolHttp.get(base + "/course?s=" + token);
        String csrf = Jsoup.parse(ToolHttp.get(base + "/course/profile?s=" + token).body()).selectFirst("input[name=csrf]").attr("value");
        long size = 40L * 1024 * 1024; // allowed by the upload limit, larger than the file system
        HttpResponse<String> created = form("/course/authoring/uploads", Map.of("s", token, "csrf", csrf, "module", "descubrimiento",
                "kind", "VIDEO", "title", "Grande", "file_name", "grande.mp4", "size", String.valueOf(size)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        long freeBefore = Files.getFileStore(media).getUsableSpace();

        // 8 MiB parts, as the page's uploader sends them, until the disk is full.
        byte[] video = mp4((int) size);
        int part = 8 * 1024 * 1024;
        HttpResponse<String> answer = null;
        for (int offset = 0; offset < size; offset += part) {
            answer = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + location))
                    .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", String.valueOf(offset))
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(video, offset, offset + part)))
                    .build());
            if (answer.statusCode() != 204) break;
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(507);
        assertThat(answer.body()).contains("disco").doesNotContain("Exception");
        assertThat(Files.getFileStore(media).getUsableSpace()).as("the half-written file is gone at once")
                .isGreaterThanOrEqualTo(freeBefore - 1024 * 1024);
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(base + location)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build()).statusCode()).as("the upload is gone with its bytes").isEqualTo(404);

        // Nearly full: not ready, with the free space named; space back: ready again.
        Path filler = media.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            out.write(new byte[(int) (MEDIA_FS - 2 * 1024 * 1024)]);
        } catch (IOException fullAlready) {
            // What fitted is written: that is the point.
        }
        HttpResponse<String> notReady = ToolHttp.get(base + "/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"storage\"").contains("freeBytes");
        Files.delete(filler);
        assertThat(ToolHttp.get(base + "/health/ready").statusCode()).isEqualTo(200);
        Reliability.record("full-disk", String.format("Full disk (a %d MiB tmpfs as MEDIA_DIR, a %d MiB upload): 507, the partial file "
                + "removed at once (free space back to %d of %d MiB), readiness 503 below %d MiB free%n", MEDIA_FS >> 20, size >> 20,
                Files.getFileStore(media).getUsableSpace() >> 20, freeBefore >> 20, 4));
    }

    @Test
    @Order(2)
    void registrationsAreCappedInNumberAndInRate() {
        int registered = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < MAX_PLATFORMS + 1; i++) {
            last = register(TestPlatform.get().tenant("hardening-" + i));
            if (last.statusCode() != 200) break;
            registered++;
        }
        // The file-registered Moodle counts too.
        assertThat(registered).isEqualTo(MAX_PLATFORMS - 1);
        assertThat(last.statusCode()).isEqualTo(403);
        assertThat(last.body()).contains("máximo");
        // However many attempts one address makes, only a few a minute get as far as the ticket, and
        // none of them costs a client or a thread of its own.
        long threadsBefore = threads();
        int refusedForRate = 0;
        for (int i = 0; i < 500; i++) {
            if (ToolHttp.get(base + "/lti/register?ticket=made-up&openid_configuration=" + moodle().openidConfigurationUrl())
                    .statusCode() == 429) refusedForRate++;
        }
        assertThat(refusedForRate).isGreaterThan(480);
        assertThat(threads() - threadsBefore).as("threads added by 500 anonymous registration requests").isLessThan(20);
    }

    private static long threads() {
        String metrics = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/admin/api/metrics"))
                .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).build()).body();
        return Long.parseLong(metrics.replaceAll("(?s).*\njvm_threads (\\d+)\n.*", "$1"));
    }

    @Test
    @Order(3)
    void oneAddressCannotStartLoginsWithoutLimit() {
        Tenant moodle = moodle();
        Map<String, String> params = LtiClient.loginParameters(moodle);
        params.put("target_link_uri", base + "/course");
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> login = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/lti/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(params))).build());
            if (login.statusCode() == 302) accepted++;
            else if (login.statusCode() == 429) limited++;
        }
        assertThat(limited).as("refused for the rate").isGreaterThan(50);
        assertThat(accepted).isLessThan(70);
        HttpResponse<String> longHint = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/lti/login?iss=x&login_hint="
                + "h".repeat(5000))).build());
        assertThat(longHint.statusCode()).isBetween(400, 499);
    }

    @Test
    @Order(4)
    void clientsSendingABodyAByteAtATimeDoNotStopTheTool() throws Exception {
        int clients = 210;
        List<Socket> slow = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket("127.0.0.1", Integer.parseInt(base.replaceAll(".*:", "")));
                socket.getOutputStream().write(("POST /lti/launch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            Thread dribble = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (Socket socket : slow) {
                        try {
                            socket.getOutputStream().write('a');
                        } catch (IOException closedByTheTool) {
                            // Expected: the tool ends bodies that come too slowly.
                        }
                    }
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(3000); // every slow request is now in a worker, reading its body
            long answeredAt = -1;
            long unanswered = 0;
            while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
                long probe = System.nanoTime();
                if (ToolHttp.status(base + "/health/ready") == 200 && ToolHttp.status(base + "/lti/jwks") == 200) {
                    answeredAt = System.nanoTime();
                    break;
                }
                unanswered += System.nanoTime() - probe;
                Thread.sleep(500);
            }
            dribble.interrupt();
            int closed = 0;
            for (Socket socket : slow) {
                socket.setSoTimeout(30_000);
                try {
                    // The tool's answer (408) or the end of the connection: either way the request is over.
                    socket.getInputStream().read();
                    closed++;
                } catch (java.net.SocketTimeoutException stillHeld) {
                    // nothing came back: the tool still holds this request
                } catch (IOException reset) {
                    closed++;
                }
            }
            String report = String.format("%d clients each sending a request body a byte every 5 s: readiness and pages went "
                    + "unanswered for %.1f s and answered again %.1f s after the clients started (before: blocked for over a minute); "
                    + "%d of them were ended by the tool%n", clients, unanswered / 1e9, (answeredAt - started) / 1e9, closed);
            System.out.print(report);
            Reliability.record("slow-clients", report);
            assertThat(answeredAt).as("answering again within a minute, slow clients still connected").isPositive();
            assertThat(closed).isEqualTo(clients);
        } finally {
            for (Socket socket : slow) socket.close();
        }
    }

    private static Tenant moodle() {
        return TestPlatform.get().tenant("moodle", "m1Ox7QKye0VrzFh", "1");
    }

    private static HttpResponse<String> register(Tenant tenant) {
        HttpResponse<String> minted = ToolHttp.send(HttpRequest.newBuilder(URI.create(base + "/admin/api/registration-links"))
                .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
        String link = minted.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        return form("/lti/register", Map.of("openid_configuration", tenant.openidConfigurationUrl(),
                "registration_token", tenant.registrationToken, "ticket", link.substring(link.indexOf("ticket=") + 7)));
    }

    private static HttpResponse<String> form(String path, Map<String, String> fields) {
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(fields))).build());
    }

    private static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        byte[] head = "\0\0\0\u0018ftypisom\0\0\0\u0001".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }


    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
