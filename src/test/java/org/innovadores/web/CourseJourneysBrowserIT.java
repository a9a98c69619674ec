package org.innovadores.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.innovadores.testing.CoursePerson.CLAIM;

import java.net.URI;
import java.net.URLEncoder;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Accessibility;
import org.innovadores.testing.Browser;
import org.innovadores.testing.Browser.Cookies;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.Keyboard;
import org.innovadores.testing.PageChecks;
import org.innovadores.testing.ToolHttp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every role's journey in real Chromium, inside the test LMS's cross-site iframe: a participant
 * watches a recording and works on an exercise (with the mouse and cookies allowed, then with the
 * keyboard alone and third-party cookies blocked), a mentor comments, an instructor places content
 * by deep linking and it launches, an administrator hands out a one-time registration link and a
 * second LMS registers with it. Afterwards every main page the journeys went through is checked by
 * axe-core for WCAG 2.0/2.1/2.2 A and AA, and photographed, at 360 and 1280 px.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CourseJourneysBrowserIT {

    private static final String COURSE = "journeys-course";
    /** Main pages the journeys reached, by name: URLs of the tool's own frame. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();
    private static Tenant tenant;
    private static CoursePerson teacher;
    private static CoursePerson ana;
    /** Draft exercises of Ana's team by template: path without the token. */
    private static final Map<String, String> DRAFTS = new LinkedHashMap<>();
    private static String recording;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    private static synchronized Tenant course() {
        if (tenant != null) return tenant;
        tenant = CoursePerson.registered("journeys");
        teacher = CoursePerson.launch(tenant, "j-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR, COURSE);
        teacher.page("/course"); // the course's copy of the program
        ana = CoursePerson.launch(tenant, "j-ana", "Ana Aguilar", CoursePerson.LEARNER, COURSE);
        ana.page("/course"); // now a course member
        for (String[] person : new String[][] {{"j-luis", "Luis Lezcano", CoursePerson.LEARNER},
                {"j-mentor", "Marta Mentora", CoursePerson.MENTOR}}) {
            CoursePerson.launch(tenant, person[0], person[1], person[2], COURSE).page("/course");
        }
        String health = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Salud",
                "institutions", "Ministerio de Salud", "challenge", "Reducir la espera de turnos en hospitales regionales"))), "/course/teams/");
        String land = CoursePerson.idAfter(CoursePerson.location(teacher.post("/course/teams", Map.of("name", "Equipo Tierras"))), "/course/teams/");
        CoursePerson.location(teacher.post("/course/teams/" + health + "/members", Map.of("subject", "j-ana")));
        CoursePerson.location(teacher.post("/course/teams/" + land + "/members", Map.of("subject", "j-luis")));
        CoursePerson.location(teacher.post("/course/teams/" + health + "/mentors", Map.of("subject", "j-mentor")));
        // Exercises with every kind of field, left in draft, for the page checks.
        for (String[] started : new String[][] {{"descubrimiento", "mapa-de-actores"}, {"descubrimiento", "registro-de-campo"},
                {"seleccion-de-conceptos", "mapa-de-supuestos"}, {"prototipado-y-testeo", "tarjeta-de-experimento"}}) {
            String path = CoursePerson.location(ana.post("/course/teams/" + health + "/exercises",
                    Map.of("module", started[0], "template", started[1])));
            DRAFTS.put(started[1], path.substring(0, path.indexOf('?')));
        }
        String actors = DRAFTS.get("mapa-de-actores");
        CoursePerson.location(ana.submit(ana.page(actors), "#exercise-form", Map.of("f.actores.0.actor", "Dirección de hospitales"), null));
        String assumptions = DRAFTS.get("mapa-de-supuestos");
        CoursePerson.location(ana.submit(ana.page(assumptions), "#exercise-form", Map.of("f.supuestos.0.supuesto",
                "Las familias aceptan turnos por teléfono", "f.supuestos.0.x", "5", "f.supuestos.0.y", "2"), null));
        return tenant;
    }

    /** A short real video (WebM, VP8), recorded by Chromium itself from a canvas: the machine has no media encoder. */
    private static Path recordVideo(ChromeDriver driver) throws IOException {
        String base64 = (String) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var canvas = document.createElement('canvas'); canvas.width = 320; canvas.height = 180;
                var g = canvas.getContext('2d'), frame = 0, parts = [];
                var recorder = new MediaRecorder(canvas.captureStream(25), {mimeType: 'video/webm;codecs=vp8'});
                recorder.ondataavailable = function (e) { parts.push(e.data); };
                recorder.onstop = function () {
                  var reader = new FileReader();
                  reader.onload = function () { done(reader.result.split(',')[1]); };
                  reader.readAsDataURL(new Blob(parts, {type: 'video/webm'}));
                };
                var painter = setInterval(function () {
                  g.fillStyle = 'hsl(' + (frame * 9 % 360) + ',60%,45%)'; g.fillRect(0, 0, 320, 180);
                  g.fillStyle = '#fff'; g.font = '24px sans-serif'; g.fillText('Taller 3 · ' + frame, 20, 100); frame++;
                }, 40);
                recorder.start();
                setTimeout(function () { recorder.stop(); clearInterval(painter); }, 6000);
                """);
        return file("taller3.webm", Base64.getDecoder().decode(base64));
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it"), "browser-files"));
        return Files.write(folder.resolve(name), bytes);
    }

    /** The recordings page's upload form, driven as an instructor does: the page's script sends the file in parts. */
    private static void uploadThroughThePage(ChromeDriver driver, String kind, String title, String language, Path file) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        new Select(driver.findElement(By.id("upload-kind"))).selectByValue(kind);
        driver.findElement(By.id("upload-title")).sendKeys(title);
        driver.findElement(By.id("upload-language")).sendKeys(language);
        driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        WebElement form = driver.findElement(By.id("upload-form"));
        driver.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved"))).getText()).isEqualTo("Archivo subido.");
    }

    private static Map<String, Object> claims(String subject, String name, String role) {
        Map<String, Object> claims = tenant.resourceLinkClaims("replaced-by-the-platform");
        claims.put("sub", subject);
        claims.put("name", name);
        claims.put(CLAIM + "roles", List.of(role));
        claims.put(CLAIM + "context", Map.of("id", COURSE, "title", "Curso " + COURSE, "type", List.of("CourseSection")));
        return claims;
    }

    /** The LMS course page launches the person into its frame; the driver then works inside the frame. */
    private static WebDriverWait launch(ChromeDriver driver, Tenant platform, Map<String, Object> claims, By landed) {
        platform.browserLaunchClaims = claims;
        driver.switchTo().defaultContent();
        driver.get(TestPlatform.lmsPageUrl(platform));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
        wait.until(ExpectedConditions.presenceOfElementLocated(landed));
        return wait;
    }

    /** Notes the frame's page as a main page, checked and photographed after the journeys. */
    private static void reached(ChromeDriver driver, String page) {
        synchronized (PAGES) {
            PAGES.putIfAbsent(page, (String) driver.executeScript("return location.pathname + location.search;"));
        }
    }

    /** Mouse or keyboard: the same journey either way. */
    private record Hands(ChromeDriver driver, Keyboard keyboard) {
        static Hands mouse(ChromeDriver driver) {
            return new Hands(driver, null);
        }

        static Hands keyboardOnly(ChromeDriver driver) {
            return new Hands(driver, new Keyboard(driver));
        }

        void follow(By locator) {
            if (keyboard == null) driver.findElement(locator).click();
            else keyboard.activate(locator);
        }

        void type(By locator, String text) {
            if (keyboard == null) {
                WebElement field = driver.findElement(locator);
                field.clear();
                field.sendKeys(text);
            } else keyboard.type(locator, text, true);
        }

        void choose(By select, String optionValue, String typeAhead) {
            if (keyboard == null) new Select(driver.findElement(select)).selectByValue(optionValue);
            else {
                keyboard.tabTo(select);
                keyboard.press(typeAhead);
            }
            assertThat(new Select(driver.findElement(select)).getFirstSelectedOption().getAttribute("value")).isEqualTo(optionValue);
        }
    }

    /** Runs a journey; when it fails, the failure carries the page the browser showed. */
    private static void showingThePageOnFailure(ChromeDriver driver, Runnable journey) {
        try {
            journey.run();
        } catch (RuntimeException | AssertionError e) {
            String page;
            try {
                page = driver.executeScript("return location.href;") + "\n" + driver.findElement(By.tagName("body")).getText();
            } catch (RuntimeException unreadable) {
                page = "(page unreadable: " + unreadable.getMessage() + ")";
            }
            e.addSuppressed(new AssertionError("The browser showed: " + page));
            throw e;
        }
    }

    /** Participant: program → module → workshop → recording plays with captions → exercise autosaved → submitted. */
    private static void participantJourney(Hands hands, String subject, String name) {
        ChromeDriver driver = hands.driver();
        WebDriverWait wait = launch(driver, tenant, claims(subject, name, CoursePerson.LEARNER), By.id("modules"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        reached(driver, "overview");
        // Framed: the same page can be opened in a window of its own, session included ...
        String newWindow = driver.findElement(By.id("new-window")).getAttribute("href");
        assertThat(newWindow).contains("/course").contains("s=");
        assertThat(driver.findElement(By.id("new-window")).getAttribute("target")).isEqualTo("_blank");
        // ... and the LMS hears the page's height (lti.frameResize), by which Canvas sizes its frame.
        driver.switchTo().defaultContent();
        wait.until(d -> !d.findElement(By.id("frame-height")).getText().isEmpty());
        assertThat(Integer.parseInt(driver.findElement(By.id("frame-height")).getText())).isGreaterThan(300);
        driver.switchTo().frame("tool");

        hands.follow(By.linkText("Descubrimiento"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
        reached(driver, "module");
        hands.follow(By.cssSelector("a[href*='/workshops/taller-3']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("media")));
        reached(driver, "workshop");
        hands.follow(By.linkText("Taller 3: actores"));
        WebElement video = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("video#media")));
        reached(driver, "player");

        // Captions are listed as tracks in both languages and as the transcript beside the video.
        assertThat(video.findElements(By.tagName("track")).stream().map(t -> t.getAttribute("srclang")).toList())
                .containsExactly("es", "en");
        assertThat(driver.findElements(By.cssSelector("#transcript-lines li")).stream().map(WebElement::getText).toList())
                .containsExactly("00:00 Hoy mapeamos a los actores del desafío.", "00:03 El nivel meso es quien presta el servicio.");
        // It plays: by a chapter link with the mouse, by the player's k key from the keyboard.
        if (hands.keyboard() == null) hands.follow(By.partialLinkText("Bienvenida"));
        else {
            hands.keyboard().tabTo(By.id("media"));
            hands.keyboard().press("k");
        }
        wait.until(d -> ((Number) driver.executeScript("return document.getElementById('media').currentTime;")).doubleValue() > 1.5);
        assertThat(((Number) driver.executeScript("return document.getElementById('media').textTracks.length;")).intValue()).isEqualTo(2);
        // Watched to the end, it counts as seen: the player reported real playback to the tool.
        wait.until(d -> (Boolean) driver.executeScript("return document.getElementById('media').ended;"));
        String self = (String) driver.executeScript("return location.pathname + location.search;");
        wait.until(d -> Jsoup.parse(ToolHttp.get(self).body()).selectFirst("#recording-title + p").text()
                .matches("Visto: (9\\d|100) %.*"));
        // The page says so too, without a reload: its figure follows the reports.
        wait.until(d -> d.findElement(By.id("watched-figure")).getText().matches("Visto: (9\\d|100) %"));
        // A chapter link seeks the recording to its time.
        if (hands.keyboard() == null) {
            hands.follow(By.partialLinkText("Niveles micro"));
            wait.until(d -> ((Number) driver.executeScript("return document.getElementById('media').currentTime;")).doubleValue() >= 2.9);
        }

        // Back to the module, to the exercise's page in the program, and to the team's work.
        hands.follow(By.cssSelector(".breadcrumb a[href*='/course/modules/descubrimiento']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
        hands.follow(By.cssSelector("a[href*='/exercises/plan-de-investigacion']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-work")));
        reached(driver, "program-exercise");
        hands.follow(By.id("team-work"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-name")));
        reached(driver, "workspace");
        hands.choose(By.id("start-descubrimiento"), "plan-de-investigacion", "Plan");
        hands.follow(By.cssSelector("#start-descubrimiento ~ button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-form")));
        reached(driver, "exercise");

        // Typing is saved by the page's script without pressing anything; a reload shows it kept.
        String questions = "¿Quiénes esperan más de 30 días?\n¿Qué pasa en la primera llamada?";
        hands.type(By.id("f.preguntas"), questions);
        String savedText = driver.findElement(By.id("autosave-status")).getAttribute("data-saved");
        assertThat(savedText).isNotBlank();
        wait.until(ExpectedConditions.textToBe(By.id("autosave-status"), savedText));
        WebElement before = driver.findElement(By.id("exercise-form"));
        driver.executeScript("location.reload();"); // the frame's page, not the LMS's
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-form")));
        assertThat(driver.findElement(By.id("f.preguntas")).getAttribute("value")).isEqualTo(questions);
        hands.follow(By.cssSelector("a[href*='/history']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-revisions")));
        reached(driver, "exercise-history");
        driver.executeScript("history.back();");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
        hands.follow(By.id("submit"));
        // First the check: the whole exercise as the reviewer reads it, and who that is.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-submit")));
        assertThat(driver.findElement(By.id("answers")).getText()).contains("¿Quiénes esperan más de 30 días?");
        // Ana's team has a mentor; Luis's has none, so the course's instructor reviews it.
        assertThat(driver.findElement(By.id("next-reviewer")).getText())
                .contains(subject.equals("j-ana") ? "Marta Mentora" : "quien dicta el curso");
        reached(driver, "check-before-handing-in");
        hands.follow(By.id("confirm-submit"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Entregado"));
        assertThat(driver.findElements(By.id("f.preguntas"))).as("a submitted exercise is locked").isEmpty();
    }

    @Test
    @Order(0)
    void anInstructorAttachesTheWorkshopRecordingItsCaptionsAndSlidesThroughThePage() throws Exception {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            driver.get(ToolHttp.baseUrl() + "/static/tool.css"); // a page of the tool's origin to record on
            Path video = recordVideo(driver);
            byte[] deck = new byte[20 * 1024 * 1024 + 12_345]; // three parts of the uploader's 8 MiB
            new java.util.Random(3).nextBytes(deck);
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, deck, 0, 9);
            Path slides = file("taller3.pdf", deck);

            // An instructor lands on the cohort; the program is one link away on every page of theirs.
            WebDriverWait wait = launch(driver, tenant, claims("j-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR), By.id("cohort-link"));
            assertThat((String) driver.executeScript("return location.pathname;")).isEqualTo("/course/cohort");
            driver.findElement(By.id("program-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("modules")));
            driver.findElement(By.linkText("Descubrimiento")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='/workshops/taller-3']"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("manage-recordings"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
            reached(driver, "recordings-manager");
            showingThePageOnFailure(driver, () -> {
                // A text file named .mp4: refused, and the page says so as an error tied to the file field.
                new Select(driver.findElement(By.id("upload-kind"))).selectByValue("VIDEO");
                driver.findElement(By.id("upload-file")).sendKeys(uncheckedFile("notas.mp4", "esto no es un video\n").toAbsolutePath().toString());
                driver.findElement(By.id("upload")).click();
                WebDriverWait refusal = new WebDriverWait(driver, Duration.ofSeconds(30));
                refusal.until(d -> "alert".equals(d.findElement(By.id("upload-status")).getAttribute("role")));
                assertThat(driver.findElement(By.id("upload-status")).getAttribute("class")).contains("error");
                assertThat(driver.findElement(By.id("upload-status")).getText()).isNotBlank();
                assertThat(driver.findElement(By.id("upload-file")).getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(driver.findElement(By.id("upload-file")).getAttribute("aria-describedby")).isEqualTo("upload-status");
                Accessibility.assertNoViolations(driver, "an upload refused");
                WebElement refusedForm = driver.findElement(By.id("upload-form"));
                driver.executeScript("location.reload();"); // the frame's page, not the LMS around it
                wait.until(ExpectedConditions.stalenessOf(refusedForm));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
                uploadThroughThePage(driver, "VIDEO", "Taller 3: actores", "es", video);
                uploadThroughThePage(driver, "CAPTIONS", "Español", "es", uncheckedFile("es.vtt", """
                        WEBVTT

                        00:00:00.000 --> 00:00:03.000
                        Hoy mapeamos a los actores del desafío.

                        00:00:03.000 --> 00:00:06.000
                        El nivel meso es quien presta el servicio.
                        """));
                uploadThroughThePage(driver, "CAPTIONS", "English", "en",
                        uncheckedFile("en.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:06.000\nToday we map the challenge's actors.\n"));
                uploadThroughThePage(driver, "SLIDES", "Presentación del taller 3", "", slides);
            });
            List<WebElement> attached = driver.findElements(By.cssSelector("#attached > li"));
            assertThat(attached).hasSize(4);
            String detailsAction = attached.get(0).findElement(By.cssSelector("form.details")).getAttribute("action");
            recording = detailsAction.replaceAll(".*/recordings/([^/?]+).*", "$1");
            WebElement chapters = attached.get(0).findElement(By.cssSelector("textarea[name=chapters]"));
            chapters.sendKeys("00:00 Bienvenida\n00:03 Niveles micro, meso y macro");
            attached.get(0).findElement(By.cssSelector("form.details button")).click();
            wait.until(ExpectedConditions.textToBe(By.id("saved"), "Cambios guardados."));

            // The slides arrived whole through the parts, byte for byte.
            String slidesUrl = Jsoup.parse(ToolHttp.get("/course/modules/descubrimiento/workshops/taller-3?s=" + teacher.token()).body())
                    .select("#media a").stream().filter(a -> a.text().equals("Presentación del taller 3")).findFirst().orElseThrow()
                    .attr("href");
            assertThat(slidesUrl).contains("/course/media/");
            HttpResponse<byte[]> served = ToolHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(ToolHttp.baseUrl() + slidesUrl)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(deck);
        } finally {
            driver.quit();
        }
    }

    private static Path uncheckedFile(String name, String text) {
        try {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void aParticipantWatchesAndWorksWithTheMouseWhereCookiesAreAllowed() {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.ALL);
        try {
            showingThePageOnFailure(driver, () -> participantJourney(Hands.mouse(driver), "j-ana", "Ana Aguilar"));
            assertThat(Browser.cookiesWorkHere(driver)).as("cookies were allowed in the tool's frame").isTrue();
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(2)
    void theSameJourneyWithTheKeyboardAloneAndThirdPartyCookiesBlocked() {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            showingThePageOnFailure(driver, () -> participantJourney(Hands.keyboardOnly(driver), "j-luis", "Luis Lezcano"));
            assertThat(Browser.cookiesWorkHere(driver)).as("the tool's frame could keep no cookie").isFalse();
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(3)
    void aMentorCommentsOnTheTeamsExerciseByKeyboard() {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            Hands hands = Hands.keyboardOnly(driver);
            WebDriverWait wait = launch(driver, tenant, claims("j-mentor", "Marta Mentora", CoursePerson.MENTOR), By.id("modules"));
            // The week first: the team, what waits for review, then on to the exercise.
            hands.follow(By.id("mentor-link"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mentoring-summary")));
            reached(driver, "mentoring");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Equipo Salud");
            hands.follow(By.cssSelector(".breadcrumb a"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("teams-link")));
            hands.follow(By.id("teams-link"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Equipo Salud")));
            reached(driver, "teams");
            hands.follow(By.linkText("Equipo Salud"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-name")));
            hands.follow(By.partialLinkText("Plan de investigación"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comment-form")));
            reached(driver, "exercise-mentor");
            hands.type(By.id("comment-body"), "Buenas preguntas: sumen una sobre los turnos perdidos.");
            hands.follow(By.cssSelector("#comment-form button[type=submit]"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-list"), "turnos perdidos"));
            assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("Comentario guardado.");
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void anInstructorPlacesAModuleByDeepLinkingAndItsLaunchOpensIt() throws Exception {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            Hands hands = Hands.keyboardOnly(driver);
            Map<String, Object> request = claims("j-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR);
            request.put(CLAIM + "message_type", "LtiDeepLinkingRequest");
            request.remove(CLAIM + "resource_link");
            request.put("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                    "deep_link_return_url", tenant.issuer + "/deep-linking-return", "accept_types", List.of("ltiResourceLink"),
                    "accept_presentation_document_targets", List.of("iframe", "window"), "accept_multiple", true, "data", "dl-42"));
            WebDriverWait wait = launch(driver, tenant, request, By.id("picker"));
            reached(driver, "deep-linking-picker");
            hands.keyboard().tabTo(By.id("item-module-descubrimiento"));
            hands.keyboard().press(Keys.SPACE);
            hands.follow(By.id("place"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("placed")));

            String jwt = tenant.deepLinkingResponses.get(tenant.deepLinkingResponses.size() - 1);
            org.jose4j.jwk.JsonWebKeySet keys = new org.jose4j.jwk.JsonWebKeySet(ToolHttp.get("/lti/jwks").body());
            Map<String, Object> response = new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                    .setVerificationKeyResolver(new org.jose4j.keys.resolvers.JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                    .setExpectedIssuer(tenant.clientId).setExpectedAudience(tenant.issuer).setRequireExpirationTime().build()
                    .process(jwt).getJwtClaims().getClaimsMap();
            assertThat(response).containsEntry("https://purl.imsglobal.org/spec/lti-dl/claim/data", "dl-42");
            List<Map<String, Object>> items = (List<Map<String, Object>>) response.get("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
            assertThat(items).hasSize(1);
            Map<String, Object> placed = items.get(0);
            assertThat(placed).containsEntry("title", "Descubrimiento");

            // The LMS now launches a participant through the placed link: the module opens.
            Map<String, Object> launch = claims("j-ana", "Ana Aguilar", CoursePerson.LEARNER);
            launch.put(CLAIM + "custom", placed.get("custom"));
            launch.put(CLAIM + "resource_link", Map.of("id", "placed-descubrimiento", "title", "Descubrimiento"));
            launch.put(CLAIM + "target_link_uri", placed.get("url"));
            launch(driver, tenant, launch, By.id("mark-read"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Descubrimiento");
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(5)
    void anAdministratorHandsOutAOneTimeRegistrationLinkAndAnotherLmsRegistersWithIt() {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            Hands hands = Hands.keyboardOnly(driver);
            WebDriverWait wait = launch(driver, tenant, claims("j-admin", "Ada Administradora",
                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"), By.id("admin-link"));
            hands.follow(By.id("admin-link"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mint-link")));
            reached(driver, "admin");
            hands.follow(By.id("mint-link"));
            String link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-link"))).getAttribute("value");
            assertThat(link).startsWith(ToolHttp.baseUrl() + "/lti/register?ticket=");

            // The second LMS's administrator pastes the link; the tool asks, registers and asks to be closed.
            // On another host than the first LMS, over plain HTTP, and not registered yet: its page must still show the tool's.
            Tenant second = TestPlatform.get().tenantElsewhere("journeys-second-lms");
            driver.switchTo().defaultContent();
            driver.get(second.issuer + "/tool-registration?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register")));
            Accessibility.assertNoViolations(driver, "registration question");
            Browser.screenshot(driver, "journeys-register-confirm-1280");
            hands.follow(By.id("register"));
            // Before any session the tool speaks the browser's language: this Chromium's is English.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tool registered"));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            Accessibility.assertNoViolations(driver, "registration done");
            Browser.screenshot(driver, "journeys-register-done-1280");
            driver.switchTo().defaultContent();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("closed")));
            assertThat(second.lastRegistrationRequest).isNotNull();

            // The link was for one use only.
            assertThat(ToolHttp.get(link.substring(ToolHttp.baseUrl().length()) + "&openid_configuration="
                    + URLEncoder.encode(second.openidConfigurationUrl(), StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
            // And the new LMS's people can launch.
            Map<String, Object> fromSecond = second.resourceLinkClaims("replaced");
            launch(driver, second, fromSecond, By.id("main"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Ana Pérez");
            String secondsSession = (String) driver.executeScript("return new URLSearchParams(location.search).get('s') || '';");
            assertThat(ToolHttp.get("/course?s=" + secondsSession).statusCode()).isEqualTo(200);

            // The administrator who handed out the link sees that LMS among the platforms it registered, and disables it.
            launch(driver, tenant, claims("j-admin", "Ada Administradora",
                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"), By.id("admin-link"));
            hands.follow(By.id("admin-link"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platforms")));
            assertThat(driver.findElement(By.id("platforms")).getText()).contains(second.issuer).contains("Activa");
            hands.follow(By.cssSelector("#platforms form[action='/admin/platforms/disable'] button"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertThat(driver.findElement(By.id("notice")).getText()).contains("Nada se borró");
            assertThat(driver.findElement(By.id("platforms")).getText()).contains("Desactivada desde");
            // Its open session ended, and its people's launches are refused with a page that says why.
            assertThat(ToolHttp.get("/course?s=" + secondsSession).statusCode()).isGreaterThanOrEqualTo(400);
            launch(driver, second, fromSecond, By.tagName("h1"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("disabled").contains("kept");
            // Enabled again, it launches as before.
            launch(driver, tenant, claims("j-admin", "Ada Administradora",
                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"), By.id("admin-link"));
            hands.follow(By.id("admin-link"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platforms")));
            hands.follow(By.cssSelector("#platforms form[action='/admin/platforms/enable'] button"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "reactivada"));
            launch(driver, second, fromSecond, By.id("main"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Ana Pérez");
        } finally {
            driver.quit();
        }
    }

    /**
     * A team member works on the actor map by keyboard alone: adds a row without a save, fills it
     * with typed cells (a choice, a rating, yes/no), moves it to the top, removes the empty one; the
     * page saves by itself and a reload shows exactly that table.
     */
    @Test
    @Order(5)
    void aTeamMemberAddsFillsMovesAndRemovesRowsByKeyboard() {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            showingThePageOnFailure(driver, () -> {
                Hands hands = Hands.keyboardOnly(driver);
                WebDriverWait wait = launch(driver, tenant, claims("j-ana", "Ana Aguilar", CoursePerson.LEARNER), By.id("modules"));
                // To the team's actor map, inside the LMS's frame, with the session the frame's links carry.
                String token = (String) driver.executeScript("return new URLSearchParams(location.search).get('s') || '';");
                driver.executeScript("location.href = arguments[0];", DRAFTS.get("mapa-de-actores") + "?s=" + token);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-actores .add-row button")));
                assertThat(driver.findElements(By.cssSelector("#field-actores tbody tr"))).as("the filled row and one empty").hasSize(2);
                hands.follow(By.cssSelector("#field-actores .add-row button"));
                wait.until(d -> d.findElements(By.cssSelector("#field-actores tbody tr")).size() == 3);
                assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("f.actores.2.actor");
                hands.type(By.id("f.actores.2.actor"), "Familias de Caacupé");
                hands.choose(By.id("f.actores.2.nivel"), "micro", "Mic");
                hands.choose(By.id("f.actores.2.relevancia"), "5", "5");
                Keyboard keys = new Keyboard(driver);
                keys.tabTo(By.id("f.actores.2.investigar"));
                keys.press(Keys.SPACE);
                hands.follow(By.cssSelector("button[aria-label='Subir la fila 3']"));
                wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#field-actores tbody tr:nth-child(2) input[name$='.actor']"),
                        "value", "Familias de Caacupé"));
                hands.follow(By.cssSelector("button[aria-label='Subir la fila 2']"));
                wait.until(ExpectedConditions.attributeToBe(By.id("f.actores.0.actor"), "value", "Familias de Caacupé"));
                hands.follow(By.cssSelector("button[aria-label='Quitar la fila 3']"));
                wait.until(d -> d.findElements(By.cssSelector("#field-actores tbody tr")).size() == 2);
                String saved = driver.findElement(By.id("autosave-status")).getAttribute("data-saved");
                wait.until(ExpectedConditions.textToBe(By.id("autosave-status"), saved));

                WebElement before = driver.findElement(By.id("exercise-form"));
                driver.executeScript("location.reload();"); // the frame's page, not the LMS's
                wait.until(ExpectedConditions.stalenessOf(before));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-actores .add-row button")));
                assertThat(driver.findElement(By.id("f.actores.0.actor")).getAttribute("value")).isEqualTo("Familias de Caacupé");
                assertThat(new Select(driver.findElement(By.id("f.actores.0.nivel"))).getFirstSelectedOption().getText())
                        .isEqualTo("Micro: vive el problema");
                assertThat(new Select(driver.findElement(By.id("f.actores.0.relevancia"))).getFirstSelectedOption().getAttribute("value"))
                        .isEqualTo("5");
                assertThat(driver.findElement(By.id("f.actores.0.investigar")).isSelected()).isTrue();
                assertThat(driver.findElement(By.id("f.actores.1.actor")).getAttribute("value")).isEqualTo("Dirección de hospitales");
                reached(driver, "exercise-table");
            });
        } finally {
            driver.quit();
        }
    }

    /**
     * A participant takes module 1 to the end by keyboard, led by the home's next step (read, then each
     * required exercise, started from the team's workspace and handed in); the module shows completed
     * and the next step moves on. The instructor (the team has no mentor) sees the hand-ins counted on
     * the notices link, opens one from the list and asks for changes with a reason, which the
     * participant finds on the home.
     */
    @Test
    @Order(5)
    void aParticipantCompletesModuleOneLedByTheNextStepAndTheInstructorHearsOfIt() {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            showingThePageOnFailure(driver, () -> {
                Hands hands = Hands.keyboardOnly(driver);
                WebDriverWait wait = launch(driver, tenant, claims("j-luis", "Luis Lezcano", CoursePerson.LEARNER), By.id("modules"));
                // The welcome first: read, it is complete (it asks for no exercise), and the next step is module one.
                assertThat(driver.findElement(By.id("next-step-link")).getText()).isEqualTo("Leer el contenido de «Bienvenida»");
                hands.follow(By.id("next-step-link"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("Estrategia Nacional de Innovación")
                        .contains("cinco horas por semana");
                hands.follow(By.id("mark-read"));
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mark-read")));
                hands.follow(By.cssSelector(".breadcrumb a"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("next-step-link")));
                assertThat(driver.findElements(By.cssSelector("#modules > li")).get(0).findElement(By.cssSelector(".state")).getText())
                        .isEqualTo("Completado");
                assertThat(driver.findElement(By.id("next-step-link")).getText()).isEqualTo("Leer el contenido de «Exploración institucional»");
                hands.follow(By.id("next-step-link"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
                hands.follow(By.id("mark-read"));
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mark-read")));
                for (String[] exercise : new String[][] {{"problema-inicial", "Problema inicial", "f.problema",
                        "Las familias esperan 40 días por un turno"}, {"arbol-de-problemas", "Árbol de problemas", "f.central",
                        "Turnos que se pierden"}}) {
                    hands.follow(By.cssSelector(".breadcrumb a"));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("next-step-link")));
                    assertThat(driver.findElement(By.id("next-step-link")).getText()).isEqualTo("Trabajar con su equipo en «" + exercise[1] + "»");
                    hands.follow(By.id("next-step-link"));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start-exploracion-institucional")));
                    hands.choose(By.id("start-exploracion-institucional"), exercise[0], exercise[1].substring(0, 3));
                    hands.follow(By.cssSelector("#start-exploracion-institucional ~ button"));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exercise-form")));
                    hands.type(By.id(exercise[2]), exercise[3]);
                    String saved = driver.findElement(By.id("autosave-status")).getAttribute("data-saved");
                    wait.until(ExpectedConditions.textToBe(By.id("autosave-status"), saved));
                    hands.follow(By.id("submit"));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-submit")));
                    hands.follow(By.id("confirm-submit"));
                    wait.until(ExpectedConditions.textToBe(By.id("status"), "Entregado"));
                    hands.follow(By.cssSelector(".breadcrumb a")); // the team's workspace
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team-name")));
                }
                hands.follow(By.cssSelector(".breadcrumb a")); // the program
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("modules")));
                List<WebElement> modules = driver.findElements(By.cssSelector("#modules > li"));
                assertThat(modules.get(1).findElement(By.cssSelector(".state")).getText()).isEqualTo("Completado");
                assertThat(modules.get(2).findElement(By.cssSelector(".state")).getText()).isNotEqualTo("Completado");
                assertThat(driver.findElement(By.id("next-step-link")).getText()).contains("Descubrimiento");
                assertThat(driver.findElement(By.id("team-status")).getText()).contains("Equipo Tierras").contains("3 en revisión"); // and the plan from the earlier journey

                // The instructor: the hand-ins counted on the notices link; one opened from the list and sent back.
                launch(driver, tenant, claims("j-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR), By.id("cohort-link"));
                assertThat(Integer.parseInt(driver.findElement(By.cssSelector("#inbox-link .count")).getText())).isGreaterThanOrEqualTo(2);
                hands.follow(By.id("inbox-link"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notices")));
                assertThat(driver.findElement(By.id("notices")).getText())
                        .contains("Equipo Tierras entregó «Problema inicial» para revisión")
                        .contains("Equipo Tierras entregó «Árbol de problemas» para revisión");
                reached(driver, "notifications-instructor");
                hands.follow(By.partialLinkText("entregó «Árbol de problemas»"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reason")));
                hands.type(By.id("reason"), "Sumen las causas con evidencia");
                hands.follow(By.id("request-changes"));
                wait.until(ExpectedConditions.textToBe(By.id("status"), "Con cambios pedidos"));

                launch(driver, tenant, claims("j-luis", "Luis Lezcano", CoursePerson.LEARNER), By.id("modules"));
                assertThat(driver.findElement(By.cssSelector("#inbox-link .count")).getText()).isEqualTo("1");
                assertThat(driver.findElement(By.id("sent-back")).getText()).contains("Sumen las causas con evidencia");
                assertThat(driver.findElements(By.cssSelector("#modules > li")).get(1).findElement(By.cssSelector(".state")).getText())
                        .isEqualTo("En curso");
                Browser.screenshot(driver, "journeys-completion-sent-back");
            });
        } finally {
            driver.quit();
        }
    }

    /**
     * An instructor, by keyboard, takes the teams out as a spreadsheet and brings them back with one
     * change: the upload shows the change to check (axe-clean, at a phone's width too) and applies it
     * only when confirmed.
     */
    @Test
    @Order(6) // after the journeys whose hand-ins go to the instructor: this one gives that team a mentor
    void anInstructorBringsTheTeamsBackFromASpreadsheetAndChecksBeforeApplying() throws Exception {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            showingThePageOnFailure(driver, () -> {
                Hands hands = Hands.keyboardOnly(driver);
                WebDriverWait wait = launch(driver, tenant, claims("j-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR), By.id("cohort-link"));
                hands.follow(By.id("teams-link"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-form")));
                String token = (String) driver.executeScript("return new URLSearchParams(location.search).get('s') || '';");
                String exported = ToolHttp.get("/course/teams/composition.csv?s=" + token).body();
                assertThat(exported).startsWith("\uFEFFequipo,rol,nombre,correo,id_lms");
                String otherTeam = exported.lines().skip(1).map(l -> l.split(",", -1)[0]).filter(t -> !t.isBlank())
                        .filter(t -> !exported.contains(t + ",mentor,Marta Mentora")).findFirst().orElseThrow();
                Path file = uncheckedFile("equipos.csv", exported + otherTeam + ",mentor,Marta Mentora,,\r\n").toAbsolutePath();
                driver.findElement(By.id("composition-file")).sendKeys(file.toString());
                hands.follow(By.id("check-composition"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("apply")));
                assertThat(driver.findElement(By.id("mentoring")).getText()).contains("Marta Mentora").contains(otherTeam);
                for (int width : PageChecks.WIDTHS) {
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                    Accessibility.assertNoViolations(driver, "the composition to check at " + width + " px");
                    Browser.screenshot(driver, "journeys-composition-check-" + width);
                }
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
                hands.follow(By.id("apply"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assigned-notice")));
                assertThat(driver.findElement(By.id("assigned-notice")).getText()).isEqualTo("Se guardó un cambio.");
            });
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(6)
    void anInstructorAddsAChoiceToATemplateByKeyboardWithoutJson() {
        course();
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            showingThePageOnFailure(driver, () -> {
                Hands hands = Hands.keyboardOnly(driver);
                WebDriverWait wait = launch(driver, tenant, claims("j-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR), By.id("cohort-link"));
                hands.follow(By.id("templates-link"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='/course/templates/plan-de-adopcion']")));
                hands.follow(By.cssSelector("a[href*='/course/templates/plan-de-adopcion']"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-form")));
                int fields = driver.findElements(By.cssSelector("#template-form fieldset.template-field")).size();
                String made = "campo-" + (fields + 1);
                hands.choose(By.id("new_type"), "CHOICE", "e");
                hands.follow(By.id("add-field"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-" + made)));
                // The redrawn form opens at the new field, not back at the top.
                assertThat(driver.executeScript("return location.hash;")).isEqualTo("#field-" + made);
                assertThat((Boolean) driver.executeScript("var r = document.getElementById('field-" + made + "').getBoundingClientRect();"
                        + " return r.top >= 0 && r.top < window.innerHeight;")).as("in view").isTrue();
                hands.type(By.id("field." + made + ".label_es"), "Apoyo de la autoridad");
                hands.type(By.id("field." + made + ".option.opcion-1.label_es"), "Comprometida");
                hands.type(By.id("field." + made + ".option.opcion-2.label_es"), "Por confirmar");
                hands.follow(By.id("save-form"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
                assertThat(driver.findElement(By.id("field." + made + ".label_es")).getAttribute("value")).isEqualTo("Apoyo de la autoridad");
                assertThat(driver.findElement(By.id("field." + made + ".option.opcion-2.label_es")).getAttribute("value")).isEqualTo("Por confirmar");
                assertThat(driver.findElements(By.cssSelector("#template-versions li"))).hasSize(2);
            });
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(7)
    void everyMainPageHasNoWcagViolationAndFitsAPhoneAndALaptop() {
        course();
        assertThat(PAGES).as("pages the journeys reached").containsKeys("overview", "module", "workshop", "player",
                "program-exercise", "workspace", "exercise", "exercise-history", "check-before-handing-in", "teams", "exercise-mentor", "deep-linking-picker", "admin");
        Map<String, String> pages = new LinkedHashMap<>(PAGES);
        String token = teacher.token();
        pages.put("instructor-overview", "/course?s=" + token);
        pages.put("module-editor", "/course/authoring/modules/descubrimiento?s=" + token);
        pages.put("module-history", "/course/authoring/modules/descubrimiento/history?s=" + token);
        pages.put("teams-instructor", "/course/teams?s=" + token);
        pages.put("templates", "/course/templates?s=" + token);
        pages.put("grades", "/course/grades?s=" + token);
        pages.put("cohort", "/course/cohort?s=" + token);
        pages.put("notifications", "/course/notifications?s=" + ana.token());
        CoursePerson mentor = CoursePerson.launch(tenant, "j-mentor", "Marta Mentora", CoursePerson.MENTOR, COURSE);
        pages.put("mentoring", "/course/mentoring?s=" + mentor.token());
        CoursePerson administrator = CoursePerson.launch(tenant, "j-admin", "Adela Admin",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator", COURSE);
        pages.put("monitoring", "/course/monitoring?s=" + administrator.token());
        pages.put("profile", "/course/profile?s=" + token);
        pages.put("transcript-only", "/course/recordings/" + recording + "?view=transcript&s=" + token);
        pages.put("not-found", "/course/modules/no-such-module?s=" + token);
        pages.put("home", "/");
        DRAFTS.forEach((template, path) -> pages.put("draft-" + template, path + "?s=" + ana.token()));
        pages.put("exercise-revision", DRAFTS.get("mapa-de-actores") + "/revisions/2?s=" + ana.token());
        pages.put("template-editor", "/course/templates/mapa-de-supuestos?s=" + token);
        // The form's other shapes: a table with choice, scale and yes/no columns; links and choices.
        pages.put("template-editor-table", "/course/templates/mapa-de-actores?s=" + token);
        pages.put("template-editor-link", "/course/templates/tarjeta-de-aprendizaje?s=" + token);
        // The same pages in English, for someone whose LMS speaks English.
        CoursePerson english = CoursePerson.launch(tenant, "j-eva", "Eva Evans", CoursePerson.LEARNER, COURSE,
                claims -> claims.put(CLAIM + "launch_presentation", Map.of("locale", "en-GB", "document_target", "iframe")));
        pages.put("overview-en", "/course?s=" + english.token());
        pages.put("module-en", "/course/modules/descubrimiento?s=" + english.token());
        pages.put("player-en", "/course/recordings/" + recording + "?s=" + english.token());
        pages.put("teams-en", "/course/teams?s=" + english.token());

        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            PageChecks.atPhoneAndLaptopWidths(driver, "journeys-", pages);
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(7)
    void theAccessibilityCheckFindsViolationsWhenThereAreSome() {
        ChromeDriver driver = Browser.chromium(Cookies.FIRST_PARTY_ONLY);
        try {
            driver.get(ToolHttp.baseUrl() + "/");
            Accessibility.assertNoViolations(driver, "home");
            driver.executeScript("""
                    var main = document.querySelector('main');
                    main.insertAdjacentHTML('beforeend', '<img src="/static/tool.css"><button></button><p id="pale">Texto claro</p>');
                    document.getElementById('pale').style.color = '#bbb'; // through the CSSOM: the CSP forbids style attributes
                    document.documentElement.removeAttribute('lang');
                    """);
            assertThatThrownBy(() -> Accessibility.assertNoViolations(driver, "home spoilt"))
                    .hasMessageContaining("image-alt").hasMessageContaining("button-name")
                    .hasMessageContaining("color-contrast").hasMessageContaining("html-has-lang");
        } finally {
            driver.quit();
        }
    }
}
