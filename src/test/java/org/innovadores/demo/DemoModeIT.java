package org.innovadores.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.innovadores.testing.Accessibility;
import org.innovadores.testing.Browser;
import org.innovadores.testing.DeployRun;
import org.innovadores.testing.FreePort;
import org.innovadores.testing.ToolHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo mode as an evaluator meets it: `DEMO=true deploy/run` on this machine opens a demo LMS
 * whose course already has teams and work, and each of its four entries goes through the real LTI
 * flow into the tool as that person would see it. On any address others could reach it is refused
 * before anything starts.
 */
class DemoModeIT {

    private static final Path WORK = Path.of(System.getProperty("it.work.dir", "target/it"));

    @Test
    void refusedWhenOthersCouldReachIt() throws Exception {
        int port = FreePort.any();
        for (Map<String, String> environment : List.of(Map.of("DEMO", "true", "HTTP_ADDRESS", "0.0.0.0"),
                Map.of("DEMO", "true", "LTI_TOOL_BASE_URL", "https://innovadores.example.gov.py"))) {
            Path data = WORK.resolve("demo-refused");
            DeployRun.deleteRecursively(data);
            try (DeployRun refused = DeployRun.start(port, data, environment)) {
                assertThat(refused.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("deploy/run ends at once").isTrue();
                assertThat(refused.process.exitValue()).isEqualTo(2);
                assertThat(refused.output()).contains("DEMO=true is refused").doesNotContain("ready at");
            }
            try (ServerSocket free = new ServerSocket(port)) {
                assertThat(free.getLocalPort()).as("nothing listens on the port").isEqualTo(port);
            }
        }
    }

    @Test
    void onThisMachineEachEntryLaunchesIntoTheSeededCourse() throws Exception {
        int port = FreePort.any();
        Path data = WORK.resolve("demo-data");
        DeployRun.deleteRecursively(data);
        String base = "http://localhost:" + port;
        try (DeployRun tool = DeployRun.start(port, data, Map.of("DEMO", "true"))) {
            tool.awaitReady(base);
            new WebDriverWait(null, Duration.ofSeconds(10)).until(x -> {
                try {
                    return tool.output().contains("Demo LMS: " + base + "/demo"); // printed just after "ready at"
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ChromeDriver driver = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                for (int width : new int[] {360, 1280}) {
                    driver.manage().window().setSize(new Dimension(width, 900));
                    driver.get(base + "/demo");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entries")));
                    Accessibility.assertNoViolations(driver, "demo LMS at " + width + " px");
                    assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth - "
                            + "document.documentElement.clientWidth;")).intValue()).as("sideways scroll at " + width).isLessThanOrEqualTo(0);
                    Browser.screenshot(driver, "demo-lms-" + width);
                }
                assertThat(driver.findElement(By.id("demo-warning")).getText()).contains("never for real work");

                // A participant: their team's work, with the mentor's comment and the accepted exercise.
                String participant = enter(driver, wait, base, "participant");
                assertThat(participant).contains("Trámite Ágil");
                Browser.screenshot(driver, "demo-participant");
                Accessibility.assertNoViolations(driver, "the participant's page in the demo LMS");
                driver.switchTo().defaultContent();
                assertThat(driver.findElement(By.id("signed-in-as")).getText()).contains("Ana Aguilar");
                Accessibility.assertNoViolations(driver, "the demo LMS's course page");
                // The demo LMS listens to lti.frameResize as Canvas does: the frame grows to the page.
                wait.until(d -> !d.findElement(By.id("tool")).getAttribute("style").isEmpty());
                int frameHeight = driver.findElement(By.id("tool")).getSize().getHeight();
                driver.switchTo().frame("tool");
                long pageHeight = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
                assertThat(frameHeight).as("the frame holds the whole page").isGreaterThanOrEqualTo((int) pageHeight);

                // The mentor: the teams they mentor, one exercise waiting for their review.
                String mentor = enter(driver, wait, base, "mentor");
                assertThat(mentor).contains("Marta Mendoza");
                driver.findElement(By.id("mentor-link")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Trámite Ágil"));
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("Salud Cerca").contains("Árbol de problemas");
                Browser.screenshot(driver, "demo-mentor");

                // The instructor lands on the whole cohort: three teams.
                enter(driver, wait, base, "instructor");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Gasto Claro"));
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("Trámite Ágil").contains("Salud Cerca");
                assertThat(driver.findElement(By.id("program-link")).isDisplayed()).isTrue();
                Browser.screenshot(driver, "demo-instructor");

                // The administrator: the administration page with the demo platform.
                enter(driver, wait, base, "admin");
                driver.findElement(By.id("admin-link")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mint-link")));
                assertThat(driver.findElement(By.tagName("main")).getText()).contains(base + "/demo").contains("innovadores-demo");
                Browser.screenshot(driver, "demo-admin");
            } finally {
                driver.quit();
            }
            // Only this machine's demo: a request for the tool as usual still works, and the demo LMS
            // refuses an authentication request it did not issue.
            assertThat(ToolHttp.get(base + "/demo/authorize?scope=openid&client_id=someone-else").statusCode()).isEqualTo(400);
            assertThat(ToolHttp.get(base + "/demo/jwks").body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
        }
        // Started again on the same data: the course is not seeded twice, and the new key is followed.
        try (DeployRun again = DeployRun.start(port, data, Map.of("DEMO", "true"))) {
            again.awaitReady(base);
            assertThat(Files.readString(again.log)).doesNotContain("Demo course seeded");
            ChromeDriver driver = Browser.chromium(Browser.Cookies.FIRST_PARTY_ONLY);
            try {
                String participant = enter(driver, new WebDriverWait(driver, Duration.ofSeconds(30)), base, "participant");
                assertThat(participant).contains("Trámite Ágil");
            } finally {
                driver.quit();
            }
        }
    }

    /** From the demo LMS's page, one entry: answers the text of the tool's page in the frame. */
    private static String enter(ChromeDriver driver, WebDriverWait wait, String base, String entry) {
        driver.switchTo().defaultContent();
        driver.get(base + "/demo");
        // A Chromium started on a machine without internet now and then takes a moment to believe localhost is
        // reachable, and shows its "no internet" page instead: one more try after it settles.
        if (driver.findElements(By.id("as-" + entry)).isEmpty()) {
            new WebDriverWait(driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofSeconds(1)).ignoring(org.openqa.selenium.TimeoutException.class)
                    .until(d -> {
                        d.get(base + "/demo");
                        return !d.findElements(By.id("as-" + entry)).isEmpty();
                    });
        }
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.id("as-" + entry))).click();
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No entry " + entry + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        return driver.findElement(By.tagName("body")).getText();
    }
}
