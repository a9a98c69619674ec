package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innovadores.testing.CoursePerson.INSTRUCTOR;
import static org.innovadores.testing.CoursePerson.LEARNER;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real ffmpeg on a short video ffmpeg makes in the test (test pattern and a tone): after upload the
 * queued job makes a poster, a 360p light version and the audio alone, which the player offers and
 * Chromium plays; a file that only looks like a video fails its job with the reason shown to the
 * teaching team, and its original stays.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RenditionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void aVideoGetsItsLightVersionsAndABrokenOneFailsWithItsReason() throws Exception {
        Path dir = Files.createTempDirectory("renditions");
        Path sample = dir.resolve("taller.mp4");
        run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=4:size=640x480:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                sample.toString()));
        Tenant tenant = CoursePerson.registered("renditions");
        String course = "renditions-" + System.nanoTime();
        CoursePerson teacher = CoursePerson.launch(tenant, "r-irene", "Irene Instructora", INSTRUCTOR, course);
        teacher.page("/course");
        CoursePerson ana = CoursePerson.launch(tenant, "r-ana", "Ana Acosta", LEARNER, course);
        String video = upload(teacher, "Taller 3 grabado", "taller3.mp4", Files.readAllBytes(sample));
        byte[] fake = new byte[200_000];
        new java.util.Random(3).nextBytes(fake);
        System.arraycopy("\0\0\0\u0018ftypisom\0\0\0\u0001".getBytes(StandardCharsets.ISO_8859_1), 0, fake, 0, 16);
        String broken = upload(teacher, "Grabación dañada", "danada.mp4", fake);

        String manage = "/course/authoring/recordings?module=descubrimiento&workshop=taller-3";
        Element done = await(teacher, manage, "renditions-" + video, "DONE");
        assertThat(done.text()).isEqualTo("Versiones livianas: listas");
        Element failed = await(teacher, manage, "renditions-" + broken, "FAILED");
        assertThat(failed.text()).contains("no se pudieron hacer").contains("El original se sigue ofreciendo");

        Document player = ana.page("/course/recordings/" + video);
        assertThat(player.select("#version option").eachAttr("value")).containsExactly("original", "light", "audio");
        assertThat(player.getElementById("media").attr("poster")).contains("/renditions/poster");
        String light = player.selectFirst("#version option[value=light]").attr("data-src");
        String audio = player.selectFirst("#version option[value=audio]").attr("data-src");
        JsonObject lightInfo = probe(fetch(light, dir.resolve("light.mp4")));
        JsonObject video0 = stream(lightInfo, "video");
        assertThat(video0.getInt("height")).isEqualTo(360);
        assertThat(video0.getString("codec_name")).isEqualTo("h264");
        assertThat(stream(lightInfo, "audio").getString("codec_name")).isEqualTo("aac");
        assertThat(Double.parseDouble(lightInfo.getJsonObject("format").getString("duration"))).isBetween(3.5, 4.5);
        assertThat(Files.size(dir.resolve("light.mp4"))).as("lighter than the original").isLessThan(Files.size(sample));
        JsonObject audioInfo = probe(fetch(audio, dir.resolve("audio.m4a")));
        assertThat(audioInfo.getJsonArray("streams")).hasSize(1);
        assertThat(stream(audioInfo, "audio").getString("codec_name")).isEqualTo("aac");
        byte[] poster = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + player.getElementById("media").attr("poster")))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(poster[0] & 0xff).as("a JPEG").isEqualTo(0xFF);
        assertThat(poster[1] & 0xff).isEqualTo(0xD8);
        HttpResponse<byte[]> part = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + light)).header("Range", "bytes=0-99")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        CoursePerson stranger = CoursePerson.launch(tenant, "r-otro", "Otro", LEARNER, course + "-otro");
        String path = URI.create(ToolHttp.baseUrl() + light).getPath();
        assertThat(stranger.get(path).statusCode()).as("another course's person").isIn(403, 404);
        assertThat(ana.page("/course/recordings/" + broken).getElementById("version")).as("no light versions offered").isNull();

        // Captions as a meeting tool exports them (SubRip) are kept as WebVTT and offered as the video's track.
        String srt = "1\r\n00:00:00,500 --> 00:00:02,000\r\nBienvenidos al taller.\r\n\r\n2\r\n00:00:02,500 --> 00:00:03,900\r\nEmpezamos.\r\n";
        upload(teacher, "CAPTIONS", "Subtítulos", "subtitulos.srt", srt.getBytes(StandardCharsets.UTF_8));
        String track = ana.page("/course/recordings/" + video).selectFirst("#media track").attr("src");
        String vtt = ToolHttp.get(track).body();
        assertThat(vtt).startsWith("WEBVTT").contains("00:00:00.500 --> 00:00:02.000").contains("Bienvenidos al taller.");

        // The platform's administrator sees the jobs: one done, one failed with its reason.
        CoursePerson admin = CoursePerson.launch(tenant, "r-admin", "Ada Administradora", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", course);
        Document adminPage = admin.page("/admin");
        assertThat(adminPage.getElementById("renditions-state").text()).contains("ffmpeg disponible");
        assertThat(adminPage.getElementById("jobs").text()).contains("Terminado", "Falló", "moov atom not found");

        // Chromium plays the light version: time advances.
        ChromeDriver driver = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY, "--autoplay-policy=no-user-gesture-required");
        try {
            driver.get(ToolHttp.baseUrl() + "/course/recordings/" + video + "?s=" + ana.token());
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("version"))).selectByValue("light");
            JavascriptExecutor js = driver;
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> String.valueOf(js.executeScript(
                    "return document.getElementById('media').currentSrc")).contains("/renditions/light"));
            js.executeScript("document.getElementById('media').muted = true; document.getElementById('media').play();");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((Number) js.executeScript(
                    "return document.getElementById('media').currentTime")).doubleValue() > 0.5);
        } finally {
            driver.quit();
        }
    }

    private static Element await(CoursePerson teacher, String manage, String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Element e = teacher.page(manage).getElementById(id);
            assertThat(e).as(id).isNotNull();
            if (e.attr("data-state").equals(state) || System.nanoTime() > deadline) {
                assertThat(e.attr("data-state")).as(id + ": " + e.text()).isEqualTo(state);
                return e;
            }
            Thread.sleep(500);
        }
    }

    private static String upload(CoursePerson teacher, String title, String fileName, byte[] bytes) {
        return upload(teacher, "VIDEO", title, fileName, bytes);
    }

    private static String upload(CoursePerson teacher, String kind, String title, String fileName, byte[] bytes) {
        HttpResponse<String> created = teacher.post("/course/authoring/uploads", Map.of("module", "descubrimiento", "workshop", "taller-3",
                "kind", kind, "title", title, "file_name", fileName, "size", String.valueOf(bytes.length)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = ToolHttp.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + location))
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", "0")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        return done.body().replaceAll(".*\"asset\":\"([^\"]+)\".*", "$1");
    }

    private static Path fetch(String url, Path to) throws Exception {
        HttpResponse<Path> response = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + url)).build(),
                HttpResponse.BodyHandlers.ofFile(to));
        assertThat(response.statusCode()).isEqualTo(200);
        return to;
    }

    private static JsonObject probe(Path file) throws Exception {
        String json = run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()));
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static JsonObject stream(JsonObject info, String type) {
        for (JsonValue s : info.getJsonArray("streams")) {
            if (s.asJsonObject().getString("codec_type").equals(type)) return s.asJsonObject();
        }
        throw new AssertionError("no " + type + " stream in " + info);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(0);
        return out;
    }
}
