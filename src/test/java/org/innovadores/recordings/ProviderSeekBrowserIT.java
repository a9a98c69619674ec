package org.innovadores.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A recording that lives on YouTube or Vimeo: its chapter links seek the provider's player through the
 * commands each documents for postMessage. The providers' hosts are sent by Chromium's resolver to a
 * stand-in on loopback (over TLS, as the real ones), whose embed page writes down what it is told.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderSeekBrowserIT {

    private static HttpsServer standIn;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    /** The embed page of both providers: it keeps every message that reaches it, with where it came from. */
    private static final String EMBED = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>stand-in player</title></head>
            <body><p>player</p><script>
            window.received = [];
            window.addEventListener('message', function (e) { window.received.push({origin: e.origin, data: e.data}); });
            </script></body></html>""";

    @BeforeAll
    static void startTheStandIn() throws Exception {
        Path dir = Files.createTempDirectory("provider-standin");
        Path keystore = dir.resolve("standin.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "standin", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=www.youtube-nocookie.com",
                "-ext", "SAN=dns:www.youtube-nocookie.com,dns:player.vimeo.com", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "standin", "-keypass", "standin").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "standin".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "standin".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        standIn = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        standIn.setHttpsConfigurator(new HttpsConfigurator(tls));
        standIn.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        standIn.createContext("/", exchange -> {
            byte[] body = EMBED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException ignored) {
                // the browser went away
            }
        });
        standIn.start();
    }

    @AfterAll
    static void stopTheStandIn() {
        if (standIn != null) standIn.stop(0);
    }

    @Test
    void chapterLinksSeekYouTubeAndVimeoPlayers() {
        Tenant tenant = CoursePerson.registered("provider-seek");
        String course = "provider-seek-" + System.nanoTime();
        CoursePerson teacher = CoursePerson.launch(tenant, "ps-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR, course);
        CoursePerson learner = CoursePerson.launch(tenant, "ps-ana", "Ana Participante", CoursePerson.LEARNER, course);
        String youtube = linked(teacher, "Taller 3 en YouTube", "https://youtu.be/dQw4w9WgXcQ");
        String vimeo = linked(teacher, "Taller 3 en Vimeo", "https://vimeo.com/76979871");

        int port = standIn.getAddress().getPort();
        ChromeDriver driver = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY,
                "--host-resolver-rules=MAP www.youtube-nocookie.com 127.0.0.1:" + port + ", MAP player.vimeo.com 127.0.0.1:" + port,
                "--ignore-certificate-errors");
        try {
            List<Map<String, Object>> told = seekSecondChapter(driver, learner, youtube);
            assertThat(told).extracting(m -> m.get("data")).containsExactly(
                    "{\"event\":\"command\",\"func\":\"seekTo\",\"args\":[65,true]}",
                    "{\"event\":\"command\",\"func\":\"playVideo\",\"args\":[]}");
            assertThat(told).allSatisfy(m -> assertThat(m.get("origin")).isEqualTo(ToolHttp.baseUrl()));
            assertThat(seekSecondChapter(driver, learner, vimeo)).extracting(m -> m.get("data")).containsExactly(
                    "{\"method\":\"setCurrentTime\",\"value\":65}", "{\"method\":\"play\"}");
        } finally {
            driver.quit();
        }
    }

    /** A recording by link on workshop 3 with two chapters: its id. */
    private static String linked(CoursePerson teacher, String title, String url) {
        HttpResponse<String> linked = teacher.post("/course/authoring/recordings/link", Map.of("module", "descubrimiento",
                "workshop", "taller-3", "kind", "VIDEO", "title", title, "url", url));
        CoursePerson.location(linked);
        String id = teacher.page("/course/authoring/recordings?module=descubrimiento&workshop=taller-3").select("input[id^=title-]").stream()
                .filter(i -> i.val().equals(title)).findFirst().orElseThrow().id().substring("title-".length());
        assertThat(teacher.post("/course/authoring/recordings/" + id, Map.of("title", title,
                "chapters", "00:00 Bienvenida\n01:05 Niveles micro, meso y macro")).statusCode()).isEqualTo(303);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> seekSecondChapter(ChromeDriver driver, CoursePerson learner, String recording) {
        driver.switchTo().defaultContent();
        driver.get(ToolHttp.baseUrl() + "/course/recordings/" + recording + "?s=" + learner.token());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        WebElement embed = wait.until(d -> d.findElement(By.id("embed")));
        // The stand-in's page has loaded in the frame before the link is followed.
        wait.until(d -> {
            d.switchTo().frame(embed);
            Object ready = ((ChromeDriver) d).executeScript("return Array.isArray(window.received);");
            d.switchTo().defaultContent();
            return Boolean.TRUE.equals(ready);
        });
        driver.findElements(By.cssSelector(".chapters a")).get(1).click();
        driver.switchTo().frame(embed);
        wait.until(d -> ((List<?>) ((ChromeDriver) d).executeScript("return window.received;")).size() >= 2);
        List<Map<String, Object>> received = (List<Map<String, Object>>) driver.executeScript("return window.received;");
        driver.switchTo().defaultContent();
        return received;
    }
}
