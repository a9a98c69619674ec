package org.innovadores.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.innovadores.lti.LtiClient;
import org.innovadores.lti.TestPlatform;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.CoursePerson;
import org.innovadores.testing.Deployments;
import org.innovadores.testing.PageChecks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The program in real Chromium, inside the test LMS's cross-site iframe with third-party cookies
 * blocked: an instructor edits with preview and saves, a participant reads and marks a module read;
 * then every main page at 360 px and 1280 px, which must pass axe-core and never scroll sideways.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgramBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    private static Map<String, Object> claims(Tenant tenant, String subject, String name, String role) {
        Map<String, Object> claims = tenant.resourceLinkClaims("replaced-by-the-platform");
        claims.put("sub", subject);
        claims.put("name", name);
        claims.put(CoursePerson.CLAIM + "roles", List.of(role));
        claims.put(CoursePerson.CLAIM + "context", Map.of("id", "browser-course", "title", "Cohorte 2027", "type", List.of("CourseSection")));
        return claims;
    }

    /** The session token of the page shown in the tool's frame (the frame's own URL, not the LMS's). */
    private static String frameToken(ChromeDriver driver) {
        return (String) driver.executeScript("return new URLSearchParams(location.search).get('s');");
    }

    @Test
    void instructorAndParticipantInTheLmsIframeAndEveryPageFitsANarrowScreen() {
        Tenant tenant = TestPlatform.get().tenant("browser-program");
        LtiClient.register(tenant);
        ChromeDriver driver = Browser.chromium(false);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            // The instructor edits a module with a preview, then saves.
            tenant.browserLaunchClaims = claims(tenant, "browser-teacher", "Irene Instructora", CoursePerson.INSTRUCTOR);
            driver.get(TestPlatform.lmsPageUrl(tenant));
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("program-link"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("modules")));
            driver.findElement(By.linkText("Descubrimiento")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-module"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goals_es"))).clear();
            driver.findElement(By.id("goals_es")).sendKeys("- Mapear **actores** del desafío.");
            driver.findElement(By.id("preview-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
            assertThat(driver.findElement(By.cssSelector("#preview strong")).getText()).isEqualTo("actores");
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            String teacherToken = frameToken(driver);

            // A participant opens the same course, reads the module and marks it read.
            driver.switchTo().defaultContent();
            tenant.browserLaunchClaims = claims(tenant, "browser-learner", "Pablo Participante", CoursePerson.LEARNER);
            driver.get(TestPlatform.lmsPageUrl(tenant));
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("modules")));
            driver.findElement(By.linkText("Descubrimiento")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-read")));
            assertThat(driver.findElement(By.id("goals")).findElement(By.xpath("..")).getText()).contains("Mapear actores del desafío.");
            driver.findElement(By.id("mark-read")).click();
            // The click posts and the frame loads the next page: a poll may read the old page as it goes away.
            new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Hecho: leer el contenido"));
            String learnerToken = frameToken(driver);
            driver.switchTo().defaultContent();

            // Every main page, on its own, at a phone's width and a laptop's: nothing wider than the screen.
            Map<String, String> pages = new java.util.LinkedHashMap<>();
            pages.put("overview", "/course?s=" + learnerToken);
            pages.put("module", "/course/modules/prototipado-y-testeo?s=" + learnerToken);
            pages.put("workshop", "/course/modules/descubrimiento/workshops/taller-4?s=" + learnerToken);
            pages.put("exercise", "/course/modules/descubrimiento/exercises/mapa-de-actores?s=" + learnerToken);
            pages.put("editor", "/course/authoring/modules/descubrimiento?s=" + teacherToken);
            pages.put("history", "/course/authoring/modules/descubrimiento/history?s=" + teacherToken);
            pages.put("revision", "/course/authoring/modules/descubrimiento/revisions/2?s=" + teacherToken);
            pages.put("instructor-overview", "/course?s=" + teacherToken);
            PageChecks.atPhoneAndLaptopWidths(driver, "program-", pages);
        } finally {
            driver.quit();
        }
    }
}
