package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.PayaraProcess;
import org.innovadores.testing.S3Server;
import org.innovadores.testing.TestDatabase;
import org.innovadores.testing.ToolHttp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Media in a real S3 API (S3Proxy on a filesystem backend, started here): a course first runs on
 * MEDIA_DIR, then switches to the store and moves its files with media-migrate (one file changed on
 * disk is refused and stays served from disk); a new recording arrives in 8 MiB parts through a
 * multipart upload, with a connection cut mid-part and resumed; playback is a redirect to a
 * presigned URL that serves ranges and Chromium plays, that names one object and is refused by the
 * store once expired; someone of another course gets no URL; renditions land in the store; an
 * abandoned upload's multipart upload is aborted.
 */
class ObjectStoreIT {

    static final String BUCKET = "innovadores-media";
    static final String COURSE = "object-store-course";

    static S3Server s3;
    static PayaraProcess tool;
    static String previousPort;
    static Path media;
    static Map<String, String> settings;

    @BeforeAll
    static void start() throws IOException {
        s3 = S3Server.start("objects");
        TestDatabase.freshDatabase("objects");
        Path work = Path.of(System.getProperty("it.work.dir", "target/it")).toAbsolutePath();
        media = work.resolve("objects-media");
        if (Files.exists(media)) {
            try (var walk = Files.walk(media)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        settings = new LinkedHashMap<>();
        settings.put("db.url", TestDatabase.jdbcUrl().replace("/postgres", "/objects"));
        settings.put("data.dir", work.resolve("data-objects").toString());
        settings.put("media.dir", media.toString());
        previousPort = System.getProperty("it.http.port");
    }

    @AfterAll
    static void stop() {
        if (previousPort == null) System.clearProperty("it.http.port");
        else System.setProperty("it.http.port", previousPort);
        if (tool != null) tool.close();
        if (s3 != null) s3.close();
    }

    private static void startTool(Map<String, String> extra) {
        if (tool != null) tool.close();
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(extra);
        int port = FreePort.any();
        all.put("lti.tool.base-url", "http://localhost:" + port);
        tool = PayaraProcess.startReady(port, all);
        System.setProperty("it.http.port", String.valueOf(port));
    }

    @Test
    void mediaMovesToTheStoreAndPlaysFromItWithoutPassingThroughTheTool() throws Exception {
        Path dir = Files.createTempDirectory("objects");
        Path small = video(dir.resolve("corto.mp4"), 3, "640x360", "800k");
        Path big = video(dir.resolve("taller.mp4"), 12, "1280x720", "14M");
        assertThat(Files.size(big)).as("more than two 8 MiB parts").isGreaterThan(17L * 1024 * 1024);

        // On MEDIA_DIR first: two recordings.
        startTool(Map.of());
        Tenant tenant = CoursePerson.registered("objects");
        CoursePerson teacher = CoursePerson.seen(CoursePerson.launch(tenant, "o-irene", "Irene Instructora", CoursePerson.INSTRUCTOR, COURSE));
        String kept = upload(teacher, "Taller 1", "taller1.mp4", Files.readAllBytes(small));
        String changed = upload(teacher, "Taller 2", "taller2.mp4", Files.readAllBytes(small));
        Path changedFile = media.resolve("recordings").resolve(changed);
        assertThat(changedFile).exists();
        // Someone edits a file behind the tool's back.
        Files.write(changedFile, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        // The same course on the object store; the disk's files are still served until moved.
        Map<String, String> inStore = new LinkedHashMap<>(s3.settings(BUCKET));
        inStore.put("media.s3.url-lifetime", "PT15S");
        startTool(inStore);
        teacher = CoursePerson.seen(CoursePerson.launch(tenant, "o-irene", "Irene Instructora", CoursePerson.INSTRUCTOR, COURSE));
        CoursePerson ana = CoursePerson.seen(CoursePerson.launch(tenant, "o-ana", "Ana Acosta", CoursePerson.LEARNER, COURSE));
        assertThat(ToolHttp.get(mediaUrl(ana, kept)).statusCode()).as("not yet moved: from disk").isEqualTo(200);

        HttpResponse<String> migrated = LtiClient.adminPost("/admin/api/media/migrate");
        assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(200);
        // The recording moves, with whatever renditions the first run had time to make; the changed one is refused.
        assertThat(Integer.parseInt(migrated.body().replaceAll(".*\"moved\":(\\d+).*", "$1"))).isGreaterThanOrEqualTo(1);
        assertThat(migrated.body()).contains("changed on disk").contains("recordings/" + changed);
        assertThat(media.resolve("recordings").resolve(kept)).as("moved: gone from disk").doesNotExist();
        assertThat(changedFile).as("refused: left where it was").exists();
        S3Client store = s3.client();
        assertThat(store.getObjectAsBytes(r -> r.bucket(BUCKET).key("recordings/" + kept)).asByteArray()).isEqualTo(Files.readAllBytes(small));
        HttpResponse<String> again = LtiClient.adminPost("/admin/api/media/migrate");
        assertThat(again.body()).as("resumable: nothing left to move but the refused file").contains("\"moved\":0").contains("changed on disk");
        assertThat(ToolHttp.get(mediaUrl(ana, changed)).statusCode()).as("the refused file is still served from disk").isEqualTo(200);

        // Playback of a moved recording: a redirect to one object, for seconds, and Range works there.
        HttpResponse<String> redirect = ToolHttp.get(mediaUrl(ana, kept));
        assertThat(redirect.statusCode()).isEqualTo(303);
        URI presigned = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(presigned.getPort()).isEqualTo(s3.port());
        assertThat(presigned.getPath()).isEqualTo("/" + BUCKET + "/recordings/" + kept);
        assertThat(presigned.getQuery()).contains("X-Amz-Expires=15");
        assertThat(redirect.body()).isEmpty();
        HttpResponse<byte[]> range = ToolHttp.CLIENT.send(HttpRequest.newBuilder(presigned).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(small), 100, 200));
        assertThat(range.headers().firstValue("Content-Type")).contains("video/mp4");

        // Someone of another course gets no URL at all.
        CoursePerson stranger = CoursePerson.launch(tenant, "o-otro", "Otro Curso", CoursePerson.LEARNER, COURSE + "-otro");
        HttpResponse<String> refused = stranger.get("/course/media/" + kept);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Location")).isEmpty();

        // A big recording in 8 MiB parts, the connection cut mid-way through the second.
        byte[] bytes = Files.readAllBytes(big);
        String location = create(teacher, "taller.mp4", bytes.length);
        int part = 8 * 1024 * 1024;
        assertThat(RecordingsIT.patch(location, 0, Arrays.copyOfRange(bytes, 0, part)).statusCode()).isEqualTo(204);
        URI uri = URI.create(ToolHttp.baseUrl() + location);
        try (Socket cut = new Socket(uri.getHost(), uri.getPort())) {
            cut.getOutputStream().write(("PATCH " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + ":" + uri.getPort() + "\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: " + part
                    + "\r\nContent-Length: " + part + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            cut.getOutputStream().write(bytes, part, 3 * 1024 * 1024);
            cut.getOutputStream().flush();
        }
        long resumeAt = awaitOffset(location, part);
        assertThat(resumeAt).as("resumed at the last whole part").isEqualTo(part);
        assertThat(RecordingsIT.patch(location, part, Arrays.copyOfRange(bytes, part, 2 * part)).statusCode()).isEqualTo(204);
        HttpResponse<String> done = RecordingsIT.patch(location, 2L * part, Arrays.copyOfRange(bytes, 2 * part, bytes.length));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        String video = done.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
        assertThat(store.getObjectAsBytes(r -> r.bucket(BUCKET).key("recordings/" + video)).asByteArray())
                .as("the store's object is the file, byte for byte").isEqualTo(bytes);
        assertThat(media.resolve("recordings").resolve(video)).as("nothing of it on the tool's disk").doesNotExist();
        try (var staged = Files.list(media.resolve("recordings").resolve(".staging"))) {
            assertThat(staged.filter(p -> p.getFileName().toString().endsWith(".part")).toList()).as("no parts left behind").isEmpty();
        }
        assertThat(recordedSha(video)).as("the SHA-256 kept from part to part").isEqualTo(sha256(bytes));

        // Captions in SubRip, in the store: read back, kept as WebVTT, and served through the tool for <track>.
        String srt = "1\r\n00:00:00,500 --> 00:00:02,000\r\nBienvenidos.\r\n";
        String captionsAt = teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "workshop", "taller-3",
                "kind", "CAPTIONS", "title", "Subtítulos", "file_name", "subtitulos.srt", "size",
                String.valueOf(srt.getBytes(StandardCharsets.UTF_8).length))).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> captions = RecordingsIT.patch(captionsAt, 0, srt.getBytes(StandardCharsets.UTF_8));
        assertThat(captions.statusCode()).as(captions.body()).isEqualTo(201);
        String captionsId = captions.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
        assertThat(new String(store.getObjectAsBytes(r -> r.bucket(BUCKET).key("recordings/" + captionsId)).asByteArray(),
                StandardCharsets.UTF_8)).startsWith("WEBVTT").contains("00:00:00.500 --> 00:00:02.000");
        HttpResponse<String> track = ToolHttp.get(mediaUrl(ana, captionsId));
        assertThat(track.statusCode()).as("captions come through the tool").isEqualTo(200);
        assertThat(track.body()).startsWith("WEBVTT").contains("Bienvenidos.");

        // Its renditions are made from the store's copy and go to the store.
        String manage = "/course/authoring/recordings?module=descubrimiento&workshop=taller-3";
        awaitRenditions(teacher, manage, video);
        Document player = ana.page("/course/recordings/" + video);
        String light = player.selectFirst("#version option[value=light]").attr("data-src");
        HttpResponse<String> lightRedirect = ToolHttp.get(light);
        assertThat(lightRedirect.statusCode()).isEqualTo(303);
        assertThat(URI.create(lightRedirect.headers().firstValue("Location").orElseThrow()).getPath())
                .isEqualTo("/" + BUCKET + "/renditions/" + video + "-light.mp4");

        // Chromium plays it from the store: the time advances.
        ChromeDriver driver = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY, "--autoplay-policy=no-user-gesture-required");
        try {
            driver.get(ToolHttp.baseUrl() + "/course/recordings/" + video + "?s=" + ana.token());
            JavascriptExecutor js = driver;
            js.executeScript("var m = document.getElementById('media'); m.muted = true; m.play();");
            try {
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> ((Number) js.executeScript(
                        "return document.getElementById('media').currentTime")).doubleValue() > 1.0);
            } catch (org.openqa.selenium.TimeoutException stuck) {
                throw new AssertionError("not playing: " + js.executeScript("var m = document.getElementById('media'); return "
                        + "[m.currentSrc, m.networkState, m.readyState, m.error && m.error.code, m.error && m.error.message, m.paused, "
                        + "document.querySelector('meta[http-equiv]') ? 'meta' : '', JSON.stringify(performance.getEntriesByType('resource')"
                        + ".map(function (e) { return e.name + ' ' + e.responseStatus; }))].join(' | ');") + " "
                        + driver.manage().logs().get("browser").getAll(), stuck);
            }
            assertThat(driver.findElement(By.id("media")).getAttribute("currentSrc")).contains("/course/media/" + video);
            Browser.screenshot(driver, "object-store-player");
        } finally {
            driver.quit();
        }

        // The presigned URL is good for seconds only: the store refuses it afterwards.
        Thread.sleep(16_000);
        HttpResponse<byte[]> expired = ToolHttp.CLIENT.send(HttpRequest.newBuilder(presigned).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(expired.statusCode()).as("an expired URL").isEqualTo(403);

        // An abandoned upload: its multipart upload in the store is aborted with it.
        String abandoned = create(teacher, "abandonada.mp4", bytes.length);
        assertThat(RecordingsIT.patch(abandoned, 0, Arrays.copyOfRange(bytes, 0, part)).statusCode()).isEqualTo(204);
        String[] started = storeUpload(abandoned);
        assertThat(store.listParts(r -> r.bucket(BUCKET).key(started[0]).uploadId(started[1])).parts()).hasSize(1);
        HttpResponse<String> cleaned = LtiClient.adminPost("/admin/api/uploads/abandoned?idle=PT0S");
        assertThat(cleaned.body()).contains("\"removed\":1");
        int partsLeft;
        try {
            partsLeft = store.listParts(r -> r.bucket(BUCKET).key(started[0]).uploadId(started[1])).parts().size();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception noSuchUpload) {
            partsLeft = 0;
        }
        assertThat(partsLeft).as("the multipart upload's parts are gone").isZero();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store.headObject(r -> r.bucket(BUCKET).key(started[0]))))
                .isInstanceOf(NoSuchKeyException.class);
    }

    static String mediaUrl(CoursePerson person, String asset) {
        return "/course/media/" + asset + "?s=" + person.token();
    }

    static String upload(CoursePerson teacher, String title, String fileName, byte[] bytes) {
        String location = create(teacher, fileName, bytes.length);
        HttpResponse<String> done = RecordingsIT.patch(location, 0, bytes);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        return done.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
    }

    static String create(CoursePerson teacher, String fileName, long size) {
        HttpResponse<String> created = teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "workshop", "taller-3",
                "kind", "VIDEO", "title", fileName, "file_name", fileName, "size", String.valueOf(size)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** The offset the tool reports once the cut request's lease is released. */
    static long awaitOffset(String location, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long offset = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> head = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + location))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            offset = Long.parseLong(head.headers().firstValue("Upload-Offset").orElse("-1"));
            if (offset == expected && RecordingsIT.patch(location, expected, new byte[0]).statusCode() != 409) return offset;
            Thread.sleep(500);
        }
        return offset;
    }

    static void awaitRenditions(CoursePerson teacher, String manage, String video) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String state = "";
        while (System.nanoTime() < deadline) {
            var e = teacher.page(manage).getElementById("renditions-" + video);
            state = e == null ? "" : e.attr("data-state");
            if (state.equals("DONE") || state.equals("FAILED")) break;
            Thread.sleep(1000);
        }
        assertThat(state).isEqualTo("DONE");
    }

    static String recordedSha(String asset) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(TestDatabase.jdbcUrl().replace("/postgres", "/objects"), "postgres", "");
             var q = c.prepareStatement("SELECT sha256 FROM media_asset WHERE id = ?")) {
            q.setObject(1, java.util.UUID.fromString(asset));
            try (var r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    /** The object key and store upload id of an upload in progress, from its location. */
    static String[] storeUpload(String location) throws Exception {
        String id = location.replaceAll(".*/uploads/([0-9a-f-]{36}).*", "$1");
        try (var c = java.sql.DriverManager.getConnection(TestDatabase.jdbcUrl().replace("/postgres", "/objects"), "postgres", "");
             var q = c.prepareStatement("SELECT store_upload FROM media_upload WHERE id = ?")) {
            q.setObject(1, java.util.UUID.fromString(id));
            try (var r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                return new String[] {"recordings/" + id, r.getString(1)};
            }
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Path video(Path to, int seconds, String size, String bitrate) throws Exception {
        Process p = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=duration=" + seconds + ":size=" + size + ":rate=25", "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", bitrate, "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-movflags", "+faststart", to.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return to;
    }
}
