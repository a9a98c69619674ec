package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recordings over HTTP: resumable uploads (cut, resumed, refused), links, Range serving with its
 * edge cases, who may fetch what, the player page and watch progress toward module completion.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordingsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";

    /** Someone launched into a course, carrying the page token the tool gave them. */
    record Person(String token) {
        HttpResponse<String> get(String path) {
            return ToolHttp.get(path + (path.contains("?") ? "&" : "?") + "s=" + token);
        }

        Document page(String path) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            return Jsoup.parse(response.body());
        }

        String csrf() {
            return page("/course/profile").selectFirst("input[name=csrf]").attr("value");
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            all.putIfAbsent("s", token);
            all.putIfAbsent("csrf", csrf());
            return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LtiClient.form(all))).build());
        }
    }

    private static Tenant tenant() {
        Tenant tenant = TestPlatform.get().tenant("recordings");
        LtiClient.register(tenant);
        return tenant;
    }

    private static Person launch(String subject, String role, String course) {
        HttpResponse<String> launched = LtiClient.launchWith(tenant(), claims -> {
            claims.put("sub", subject);
            claims.put(CLAIM + "roles", List.of(role));
            claims.put(CLAIM + "context", Map.of("id", course, "title", "Curso " + course, "type", List.of("CourseSection")));
        });
        assertThat(launched.statusCode()).isEqualTo(303);
        String location = launched.headers().firstValue("Location").orElseThrow();
        Person person = new Person(location.substring(location.indexOf("s=") + 2));
        person.page("/course");
        return person;
    }

    private static String course(String name) {
        return name + "-" + System.nanoTime();
    }

    static byte[] mp4(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "\0\0\0\u0018ftypisom\0\0\0\u0001".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** Creates a resumable upload; answers its location (with its token). */
    static String create(Person teacher, String workshop, String kind, String title, String fileName, long size) {
        HttpResponse<String> created = teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento",
                "workshop", workshop, "kind", kind, "title", title, "file_name", fileName, "size", String.valueOf(size)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    static HttpResponse<String> patch(String location, long offset, byte[] bytes) {
        return ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + location))
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", String.valueOf(offset))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    static long offset(String location) {
        HttpResponse<String> head = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + location))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** Uploads a whole file in one PATCH; answers the new asset's id. */
    static String upload(Person teacher, String workshop, String kind, String title, String fileName, byte[] bytes) {
        String location = create(teacher, workshop, kind, title, fileName, bytes.length);
        HttpResponse<String> done = patch(location, 0, bytes);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        return done.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
    }

    static HttpResponse<byte[]> fetch(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + url));
        if (headers.length > 0) request.headers(headers);
        return ToolHttp.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The media URL the player page gives for the recording. */
    static String mediaUrl(Person person, String asset) {
        return person.page("/course/recordings/" + asset).selectFirst("#media").attr("src");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void rangeRequestsFollowTheRfc() throws Exception {
        String course = course("ranges");
        Person teacher = launch("ranges-teacher", INSTRUCTOR, course);
        Person learner = launch("ranges-learner", LEARNER, course);
        byte[] video = mp4(1_000_000, 1);
        String asset = upload(teacher, "taller-3", "VIDEO", "Taller 3 completo", "taller3.mp4", video);
        String url = mediaUrl(learner, asset);

        HttpResponse<byte[]> whole = fetch(url);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(video);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        String lastModified = whole.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).isEqualTo("\"" + sha256(video).substring(0, 32) + "\"");

        HttpResponse<byte[]> first = fetch(url, "Range", "bytes=0-0");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).containsExactly(video[0]);
        assertThat(first.headers().firstValue("Content-Range")).contains("bytes 0-0/1000000");
        HttpResponse<byte[]> last = fetch(url, "Range", "bytes=999999-999999");
        assertThat(last.body()).containsExactly(video[999_999]);
        HttpResponse<byte[]> suffix = fetch(url, "Range", "bytes=-500");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(video, 999_500, 1_000_000));
        assertThat(suffix.headers().firstValue("Content-Range")).contains("bytes 999500-999999/1000000");
        HttpResponse<byte[]> middle = fetch(url, "Range", "bytes=123456-654320");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(video, 123_456, 654_321));
        assertThat(middle.headers().firstValue("Content-Length")).contains("530865");
        HttpResponse<byte[]> open = fetch(url, "Range", "bytes=999000-");
        assertThat(open.body()).hasSize(1000);

        HttpResponse<byte[]> beyond = fetch(url, "Range", "bytes=1000000-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */1000000");

        for (String malformed : List.of("bytes=5-1", "bytes=a-b", "lines=0-1", "bytes=0-1,5-6", "bytes=--1", "bytes=99999999999999999999-")) {
            HttpResponse<byte[]> answer = fetch(url, "Range", malformed);
            assertThat(answer.statusCode()).as(malformed).isEqualTo(200);
            assertThat(answer.body()).as(malformed).hasSize(1_000_000);
        }

        HttpResponse<byte[]> stale = fetch(url, "Range", "bytes=0-9", "If-Range", "\"0000000000000000000000000000000\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).hasSize(1_000_000);
        HttpResponse<byte[]> staleDate = fetch(url, "Range", "bytes=0-9", "If-Range", "Tue, 01 Jan 2019 00:00:00 GMT");
        assertThat(staleDate.statusCode()).isEqualTo(200);
        assertThat(fetch(url, "Range", "bytes=0-9", "If-Range", etag).statusCode()).isEqualTo(206);
        assertThat(fetch(url, "Range", "bytes=0-9", "If-Range", lastModified).statusCode()).isEqualTo(206);
        assertThat(fetch(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(fetch(url, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(fetch(url, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> head = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Range", "bytes=10-19").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Length")).contains("10");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void onlyTheCoursesPeopleGetTheBytes() throws Exception {
        String course = course("access");
        Person teacher = launch("access-teacher", INSTRUCTOR, course);
        Person learner = launch("access-learner", LEARNER, course);
        Person stranger = launch("access-stranger", INSTRUCTOR, course("elsewhere"));
        String asset = upload(teacher, "taller-3", "VIDEO", "Privado", "privado.mp4", mp4(50_000, 2));
        String url = mediaUrl(learner, asset);
        assertThat(fetch(url).statusCode()).isEqualTo(200);

        // Another course's user, with a valid session of their own: 403, whatever they send.
        assertThat(fetch("/course/media/" + asset + "?s=" + stranger.token()).statusCode()).isEqualTo(403);
        assertThat(fetch(url.replaceAll("m=[^&]+", "m=" + stranger.token())).statusCode()).isEqualTo(401);
        assertThat(stranger.get("/course/recordings/" + asset).statusCode()).isEqualTo(404);
        // A token for one file does not open another, nor pages.
        String other = upload(teacher, "taller-3", "VIDEO", "Otro", "otro.mp4", mp4(10_000, 3));
        String token = url.substring(url.indexOf("m=") + 2);
        assertThat(fetch("/course/media/" + other + "?m=" + token).statusCode()).isEqualTo(401);
        assertThat(ToolHttp.get("/course?s=" + token).statusCode()).isEqualTo(401);
        assertThat(fetch("/course/media/" + asset).statusCode()).isEqualTo(401);
        assertThat(fetch("/course/media/not-a-uuid?s=" + learner.token()).statusCode()).isEqualTo(404);

        // A draft module's recordings are for its instructors only.
        assertThat(teacher.post("/course/authoring/modules/descubrimiento/status", Map.of("status", "DRAFT")).statusCode()).isEqualTo(303);
        assertThat(fetch(url).statusCode()).isEqualTo(404);
        assertThat(learner.get("/course/recordings/" + asset).statusCode()).isEqualTo(404);
        assertThat(fetch("/course/media/" + asset + "?s=" + teacher.token()).statusCode()).isEqualTo(200);

        // Participants cannot manage recordings.
        assertThat(learner.get("/course/authoring/recordings?module=descubrimiento").statusCode()).isEqualTo(403);
        assertThat(learner.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "kind", "VIDEO",
                "file_name", "x.mp4", "size", "10")).statusCode()).isEqualTo(403);
        assertThat(learner.post("/course/authoring/recordings/" + asset + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(stranger.post("/course/authoring/recordings/" + asset + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(fetch("/course/media/" + asset + "?s=" + teacher.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void twoRequestsAtTheSameOffsetNeverMixTheirBytes() throws Exception {
        Person teacher = launch("race-teacher", INSTRUCTOR, course("race"));
        byte[][] bodies = {mp4(1_000_000, 11), mp4(1_000_000, 12)};
        byte[] tail = mp4(1_000_000, 13);
        String location = create(teacher, "taller-4", "VIDEO", "Carrera", "carrera.mp4", 2_000_000);
        URI uri = URI.create(ToolHttp.baseUrl() + location);
        try (Socket a = patchStarted(uri, 0, bodies[0].length); Socket b = patchStarted(uri, 0, bodies[1].length)) {
            // Both are writing at offset 0, each has sent a part of its bytes: whichever the tool took
            // second is answered 409 at once, while the other still holds the offset.
            Socket[] sockets = {a, b};
            for (int i = 0; i < 2; i++) {
                sockets[i].getOutputStream().write(bodies[i], 0, 200_000);
                sockets[i].getOutputStream().flush();
            }
            // A thread each: both reads block until their answer comes (the shared pool may have one thread).
            java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.CompletableFuture<String> answerA = java.util.concurrent.CompletableFuture.supplyAsync(() -> statusLineOf(a), readers);
            java.util.concurrent.CompletableFuture<String> answerB = java.util.concurrent.CompletableFuture.supplyAsync(() -> statusLineOf(b), readers);
            readers.shutdown();
            String first = (String) java.util.concurrent.CompletableFuture.anyOf(answerA, answerB).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).as("the second writer at a claimed offset").contains(" 409 ");
            int winner = answerA.isDone() ? 1 : 0;
            sockets[winner].getOutputStream().write(bodies[winner], 200_000, bodies[winner].length - 200_000);
            sockets[winner].getOutputStream().flush();
            assertThat((winner == 0 ? answerA : answerB).get(20, java.util.concurrent.TimeUnit.SECONDS)).contains(" 204 ");
            assertThat(offset(location)).isEqualTo(1_000_000);
            HttpResponse<String> done = patch(location, 1_000_000, tail);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
            String asset = done.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
            byte[] stored = fetch("/course/media/" + asset + "?s=" + teacher.token()).body();
            byte[] expected = new byte[2_000_000];
            System.arraycopy(bodies[winner], 0, expected, 0, 1_000_000);
            System.arraycopy(tail, 0, expected, 1_000_000, tail.length);
            assertThat(stored).as("exactly the winning writer's bytes, then the tail").isEqualTo(expected);
        }
    }

    private static String statusLineOf(Socket socket) {
        try {
            return statusLine(socket);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMultipartBodyIsNotReadBeforeTheSenderIsKnownToBeAnAuthor() throws Exception {
        URI uri = URI.create(ToolHttp.baseUrl() + "/course/authoring/recordings");
        // Anonymous, announcing 300 MiB: refused at once, after a few KB, without reading the rest.
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + (300L * 1024 * 1024)
                    + "\r\n\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            assertThat(statusLine(socket)).contains(" 401 ");
        }
        // A participant is no author; an author must state the length.
        Person learner = launch("multipart-learner", LEARNER, course("multipart"));
        HttpResponse<String> participant = ToolHttp.send(HttpRequest.newBuilder(URI.create(uri + "?s=" + learner.token()))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz--\r\n")).build());
        assertThat(participant.statusCode()).isEqualTo(403);
        Person teacher = launch("multipart-teacher", INSTRUCTOR, course("multipart"));
        HttpResponse<String> unsized = ToolHttp.send(HttpRequest.newBuilder(URI.create(uri + "?s=" + teacher.token()))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream("--xyz--\r\n".getBytes(StandardCharsets.US_ASCII))))
                .build());
        assertThat(unsized.statusCode()).isEqualTo(411);
    }

    /** A PATCH whose headers are sent; the body follows through the socket. */
    private static Socket patchStarted(URI uri, long offset, int length) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(("PATCH " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                + ":" + uri.getPort() + "\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: " + offset
                + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        java.io.InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) line.append((char) c);
        return line.toString();
    }

    @Test
    void anUploadCutHalfWayLeavesNothingVisibleAndResumesByteExact() throws Exception {
        String course = course("resume");
        Person teacher = launch("resume-teacher", INSTRUCTOR, course);
        byte[] video = mp4(3_000_000, 4);
        String location = create(teacher, "taller-4", "VIDEO", "Trabajo de campo", "campo.mp4", video.length);

        // The connection drops in the middle of a request that announced every byte.
        URI uri = URI.create(ToolHttp.baseUrl() + location);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: " + video.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(video, 0, 1_200_000);
            out.flush();
            Thread.sleep(500);
        }
        long kept = 0;
        for (int i = 0; i < 50 && kept == 0; i++) {
            Thread.sleep(100);
            kept = offset(location);
        }
        assertThat(kept).isBetween(1L, 1_200_000L);
        Document manage = teacher.page("/course/authoring/recordings?module=descubrimiento&workshop=taller-4");
        assertThat(manage.getElementById("none-attached")).as("nothing visible before the last byte").isNotNull();

        // A chunk at the wrong offset is refused and changes nothing.
        assertThat(patch(location, kept + 10, Arrays.copyOfRange(video, (int) kept + 10, (int) kept + 20)).statusCode()).isEqualTo(409);
        assertThat(offset(location)).isEqualTo(kept);

        HttpResponse<String> more = patch(location, kept, Arrays.copyOfRange(video, (int) kept, 2_000_000));
        assertThat(more.statusCode()).isEqualTo(204);
        assertThat(more.headers().firstValue("Upload-Offset")).contains("2000000");
        HttpResponse<String> rest = patch(location, 2_000_000, Arrays.copyOfRange(video, 2_000_000, video.length));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(201);
        String asset = rest.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");

        HttpResponse<byte[]> served = fetch("/course/media/" + asset + "?s=" + teacher.token());
        assertThat(sha256(served.body())).isEqualTo(sha256(video));
        assertThat(served.headers().firstValue("ETag")).contains("\"" + sha256(video).substring(0, 32) + "\"");
        assertThat(Files.exists(partials().resolve(location.replaceAll(".*/uploads/([^?]+)\\?.*", "$1") + ".part"))).isFalse();

        // A second upload abandoned half-way is cleaned up with its bytes.
        String abandoned = create(teacher, "taller-4", "VIDEO", "A medias", "medias.mp4", video.length);
        assertThat(patch(abandoned, 0, Arrays.copyOf(video, 500_000)).statusCode()).isEqualTo(204);
        Path partial = partials().resolve(abandoned.replaceAll(".*/uploads/([^?]+)\\?.*", "$1") + ".part");
        assertThat(partial).exists();
        HttpResponse<String> cleaned = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + "/admin/api/uploads/abandoned?idle=PT0S"))
                .header("Authorization", "Bearer " + LtiClient.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(cleaned.statusCode()).isEqualTo(200);
        assertThat(partial).doesNotExist();
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + abandoned))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(404);
        assertThat(teacher.page("/course/authoring/recordings?module=descubrimiento&workshop=taller-4")
                .select("#attached > li")).hasSize(1);
    }

    private static Path partials() {
        return Path.of(System.getProperty("it.work.dir", "target/it"), "data", "media", "recordings", ".uploads");
    }

    @Test
    void wrongTypesBadCaptionsTraversalAndOversizeAreRefused() throws Exception {
        String course = course("refusals");
        Person teacher = launch("refusal-teacher", INSTRUCTOR, course);

        String disguised = create(teacher, "taller-3", "VIDEO", "Falso", "falso.mp4", 100);
        HttpResponse<String> refused = patch(disguised, 0, "<html><script>alert(1)</script></html>".repeat(3).substring(0, 100)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("por su contenido");
        assertThat(ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + disguised))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(404);

        // A real PDF offered as a video is the wrong kind too.
        String pdfAsVideo = create(teacher, "taller-3", "VIDEO", "PDF", "slides.mp4", 20);
        assertThat(patch(pdfAsVideo, 0, "%PDF-1.7 fake slides".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(415);

        byte[] broken = "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nx\n".getBytes(StandardCharsets.UTF_8);
        String vtt = create(teacher, "taller-3", "CAPTIONS", "Subtítulos rotos", "rotos.vtt", broken.length);
        HttpResponse<String> badVtt = patch(vtt, 0, broken);
        assertThat(badVtt.statusCode()).as(badVtt.body()).isEqualTo(400);
        assertThat(badVtt.body()).contains("WebVTT").contains("línea 3");

        String traversal = upload(teacher, "taller-3", "VIDEO", "", "../../../etc/cron.d/evil.mp4", mp4(2_000, 5));
        Document manage = teacher.page("/course/authoring/recordings?module=descubrimiento&workshop=taller-3");
        assertThat(manage.select("#attached strong").eachText()).contains("evil.mp4");
        assertThat(Path.of(System.getProperty("it.work.dir", "target/it"), "data", "media", "recordings", traversal)).exists();
        assertThat(Path.of("/etc/cron.d/evil.mp4")).doesNotExist();

        HttpResponse<String> tooBig = teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento",
                "kind", "VIDEO", "file_name", "big.mp4", "size", String.valueOf(64L * 1024 * 1024 + 1)));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        String small = create(teacher, "taller-3", "VIDEO", "Pequeño", "chico.mp4", 1000);
        assertThat(patch(small, 0, mp4(1500, 6)).statusCode()).isEqualTo(413);
        assertThat(teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "kind", "VIDEO",
                "file_name", "x.mp4", "size", "mucho")).statusCode()).isEqualTo(400);
        assertThat(teacher.post("/course/authoring/uploads", Map.of("module", "no-such", "kind", "VIDEO",
                "file_name", "x.mp4", "size", "10")).statusCode()).isEqualTo(404);
        assertThat(teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "kind", "PODCAST",
                "file_name", "x.mp4", "size", "10")).statusCode()).isEqualTo(400);
        assertThat(teacher.post("/course/authoring/recordings/link", Map.of("module", "descubrimiento", "kind", "VIDEO",
                "title", "x", "url", "javascript:alert(1)")).statusCode()).isEqualTo(400);
        assertThat(teacher.post("/course/authoring/recordings/link", Map.of("module", "descubrimiento", "kind", "VIDEO",
                "title", "x", "url", "http://insecure.example/video")).statusCode()).isEqualTo(400);
        assertThat(teacher.post("/course/authoring/recordings/" + traversal, Map.of("title", "Con capítulos",
                "chapters", "00:00 Inicio\nesto no es una marca")).statusCode()).isEqualTo(400);
        assertThat(teacher.page("/course/authoring/recordings?module=descubrimiento&workshop=taller-3")
                .select("#attached > li")).hasSize(1);
    }

    @Test
    void thePlayerShowsCaptionsChaptersTranscriptAndSlidesAndProgressCountsTowardCompletion() throws Exception {
        String course = course("player");
        Person teacher = launch("player-teacher", INSTRUCTOR, course);
        Person learner = launch("player-learner", LEARNER, course);
        String video = upload(teacher, "taller-3", "VIDEO", "Taller 3: actores", "taller3.mp4", mp4(200_000, 7));
        upload(teacher, "taller-3", "CAPTIONS", "Español", "es.vtt", """
                WEBVTT

                00:00:00.000 --> 00:00:04.000
                Hoy mapeamos a los actores del desafío.

                00:01:05.000 --> 00:01:09.000
                El nivel meso es quien presta el servicio.
                """.getBytes(StandardCharsets.UTF_8));
        byte[] englishVtt = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nToday: actors.\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> english = teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento",
                "workshop", "taller-3", "kind", "CAPTIONS", "title", "English", "language", "en", "file_name", "en.vtt",
                "size", String.valueOf(englishVtt.length)));
        assertThat(patch(english.headers().firstValue("Location").orElseThrow(), 0, englishVtt).statusCode()).isEqualTo(201);
        upload(teacher, "taller-3", "SLIDES", "Presentación del taller 3", "taller3.pdf", "%PDF-1.7\n%fake deck\n".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> chapters = teacher.post("/course/authoring/recordings/" + video,
                Map.of("title", "Taller 3: actores", "chapters", "00:00 Bienvenida\n01:05 Niveles micro, meso y macro"));
        assertThat(chapters.statusCode()).isEqualTo(303);
        HttpResponse<String> linked = teacher.post("/course/authoring/recordings/link", Map.of("module", "descubrimiento",
                "workshop", "taller-3", "kind", "VIDEO", "title", "Versión en YouTube", "url", "https://youtu.be/dQw4w9WgXcQ?t=3"));
        assertThat(linked.statusCode()).isEqualTo(303);

        Document workshop = learner.page("/course/modules/descubrimiento/workshops/taller-3");
        assertThat(workshop.select("#media a").eachText()).containsExactly("Taller 3: actores", "Presentación del taller 3",
                "Versión en YouTube");

        Document player = learner.page("/course/recordings/" + video);
        assertThat(player.getElementById("recording-title").text()).isEqualTo("Taller 3: actores");
        assertThat(player.select("video#media track").eachAttr("srclang")).containsExactly("es", "en");
        assertThat(player.select(".chapters a").eachText()).containsExactly("00:00 Bienvenida", "01:05 Niveles micro, meso y macro");
        assertThat(player.select(".chapters a").eachAttr("data-seek")).containsExactly("0.0", "65.0");
        assertThat(player.select("#transcript-lines li").eachText()).containsExactly(
                "00:00 Hoy mapeamos a los actores del desafío.", "01:05 El nivel meso es quien presta el servicio.");
        assertThat(player.selectFirst("iframe.slides")).isNotNull();
        assertThat(player.getElementById("speed")).isNotNull();
        String track = player.selectFirst("video#media track").attr("src");
        HttpResponse<byte[]> captions = fetch(track);
        assertThat(captions.statusCode()).isEqualTo(200);
        assertThat(captions.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vtt");

        Document searched = learner.page("/course/recordings/" + video + "?q=MESO");
        assertThat(searched.select("#transcript-lines li").eachText()).containsExactly("01:05 El nivel meso es quien presta el servicio.");
        Document transcriptOnly = learner.page("/course/recordings/" + video + "?view=transcript");
        assertThat(transcriptOnly.select("video, audio, iframe")).isEmpty();
        assertThat(transcriptOnly.select("#transcript-lines li")).hasSize(2);

        String youtube = workshop.select("#media a").last().attr("href");
        Document embed = learner.page(youtube.replaceAll("[?&]s=.*", ""));
        assertThat(embed.selectFirst("iframe.embed").attr("src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1");
        // Captions and chapters belong to a recording, not to the workshop: the YouTube one does not show the
        // uploaded video's transcript (whose times would seek nothing) until the instructor gives it one.
        assertThat(embed.select("#transcript-lines li")).isEmpty();
        assertThat(embed.select(".chapters a")).isEmpty();
        Document manage = teacher.page("/course/authoring/recordings?module=descubrimiento&workshop=taller-3");
        String spanishCaptions = manage.select("select[name=recording]").first().attr("id").substring("recording-".length());
        String youtubeId = youtube.replaceAll(".*/course/recordings/([0-9a-f-]{36}).*", "$1");
        assertThat(manage.select("select[name=recording]").first().selectFirst("option[selected]").attr("value")).isEqualTo(video);
        assertThat(teacher.post("/course/authoring/recordings/" + spanishCaptions,
                Map.of("title", "Español", "recording", youtubeId)).statusCode()).isEqualTo(303);
        Document embedNow = learner.page("/course/recordings/" + youtubeId);
        assertThat(embedNow.select("#transcript-lines li").eachText()).contains("00:00 Hoy mapeamos a los actores del desafío.");
        assertThat(embedNow.selectFirst("#transcript-lines a").attr("data-seek")).isEqualTo("0.0");
        assertThat(learner.page("/course/recordings/" + video).select("video#media track").eachAttr("srclang")).containsExactly("en");
        // A recording of another workshop is refused, and nothing changes.
        String elsewhere = upload(teacher, "taller-4", "VIDEO", "Otro taller", "otro.mp4", mp4(50_000, 9));
        assertThat(teacher.post("/course/authoring/recordings/" + spanishCaptions, Map.of("title", "Español", "recording", elsewhere))
                .statusCode()).isEqualTo(400);
        assertThat(learner.page("/course/recordings/" + youtubeId).select("#transcript-lines li")).isNotEmpty();
        assertThat(teacher.post("/course/authoring/recordings/" + elsewhere + "/delete", Map.of()).statusCode()).isEqualTo(303);
        // Back with the uploaded video, for what follows.
        assertThat(teacher.post("/course/authoring/recordings/" + spanishCaptions, Map.of("title", "Español", "recording", video))
                .statusCode()).isEqualTo(303);

        // Watching: two recordings in the module, one watched past 90 %.
        assertThat(learner.page("/course/modules/descubrimiento").text()).contains("ver las grabaciones (0 de 2)");
        HttpResponse<String> report = learner.post("/course/recordings/" + video + "/progress",
                Map.of("position", "95", "watched", "95", "duration", "100"));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"watched\":95").contains("\"text\":\"Visto: 95 %\"");
        assertThat(learner.post("/course/recordings/" + video + "/progress", Map.of("position", "10", "watched", "5",
                "duration", "100")).body()).as("watched time never goes back").contains("\"watched\":95");
        assertThat(learner.page("/course/modules/descubrimiento").text()).contains("ver las grabaciones (1 de 2)");
        assertThat(learner.page("/course/recordings/" + video).selectFirst("#player").attr("data-resume")).isEqualTo("10.0");
        assertThat(learner.post("/course/recordings/" + video + "/progress", Map.of("position", "x", "watched", "1",
                "duration", "100")).statusCode()).isEqualTo(400);
        assertThat(learner.post("/course/recordings/" + video + "/progress", Map.of("position", "1", "watched", "1",
                "duration", "-3")).statusCode()).isEqualTo(400);
        Person other = launch("player-other", LEARNER, course);
        assertThat(other.page("/course/modules/descubrimiento").text()).as("progress is per person")
                .contains("ver las grabaciones (0 de 2)");
    }
}
