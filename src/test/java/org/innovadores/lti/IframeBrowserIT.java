package org.innovadores.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.innovadores.lti.TestPlatform.Tenant;
import org.innovadores.testing.Browser;
import org.innovadores.testing.Deployments;
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
 * In real Chromium: a test LMS page on 127.0.0.1 frames the tool on localhost (another site) and
 * launches it, in a browser that blocks third-party cookies; inside the frame the person follows a
 * link and submits a form, and the session holds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IframeBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.toolWar();
    }

    @Test
    void launchInACrossSiteIframeWithThirdPartyCookiesBlocked() {
        Tenant tenant = TestPlatform.get().tenant("browser-3pc");
        LtiClient.register(tenant);
        runFlow(tenant, false, "iframe-third-party-cookies-blocked");
    }

    @Test
    void launchInACrossSiteIframeWithNoCookiesAtAll() {
        // Neither the state cookie nor the session cookie survives: platform storage binds the
        // login, and the signed token in links and forms carries the session.
        Tenant tenant = TestPlatform.get().tenant("browser-nocookies");
        LtiClient.register(tenant);
        runFlow(tenant, true, "iframe-no-cookies");
    }

    private static void runFlow(Tenant tenant, boolean noCookies, String screenshot) {
        ChromeDriver driver = Browser.chromium(noCookies);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(TestPlatform.lmsPageUrl(tenant));
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
            try {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-link")));
            } catch (org.openqa.selenium.TimeoutException e) {
                Browser.screenshot(driver, screenshot + "-failed");
                throw new AssertionError("The launch did not reach the course page; the frame shows "
                        + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
            }
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hola, Ana Pérez").contains("Innovadores 2026");
            Browser.screenshot(driver, screenshot + "-course");

            driver.findElement(By.id("profile-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lang-en")));
            driver.findElement(By.id("lang-en")).click();
            driver.findElement(By.id("save-language")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(driver.findElement(By.id("saved")).getText()).isEqualTo("Preference saved.");
            assertThat(Browser.cookiesWorkHere(driver)).as("the tool's frame can keep no cookie").isFalse();
            if (noCookies) {
                assertThat(driver.manage().getCookies()).isEmpty();
            }
        } finally {
            driver.quit();
        }
    }
}
