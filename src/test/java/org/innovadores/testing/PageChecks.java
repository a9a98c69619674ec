package org.innovadores.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every main page must be at a phone's width (360 px) and a laptop's (1280 px): free of
 * WCAG 2.0/2.1/2.2 A and AA violations by axe-core, never wider than the screen, with its language
 * set (a person's pages in their language: English for pages named "…-en", else Spanish). Each
 * page is also photographed at both widths for a person to look at.
 */
public final class PageChecks {

    public static final int[] WIDTHS = {1280, 360};

    /**
     * Visible controls smaller than 24 × 24 px (WCAG 2.5.8), stricter than axe-core, which lets
     * small targets pass when they are spaced apart. Links inside a sentence are exempt, as WCAG
     * exempts them: their size is the text's.
     */
    private static final String SMALL_TARGETS = """
            var small = [];
            document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')
              .forEach(function (el) {
                var r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) return; // not shown
                if (el.tagName === 'A') {
                  var text = (el.parentElement.textContent || '').replace(/\\s+/g, ' ').trim();
                  if (text.length > el.textContent.trim().length + 1) return; // in a sentence
                }
                if (r.width < 24 || r.height < 24) {
                  small.push(el.tagName + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '') + ' "'
                    + (el.textContent || el.value || '').trim().slice(0, 30) + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
                }
              });
            return small;
            """;

    private PageChecks() {
    }

    /** Opens each page (name → tool path with its session token) at both widths; reports every failure at once. */
    public static void atPhoneAndLaptopWidths(ChromeDriver driver, String prefix, Map<String, String> pages) {
        SoftAssertions softly = new SoftAssertions();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        for (int width : WIDTHS) {
            driver.manage().window().setSize(new Dimension(width, 900));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String name = page.getKey() + " at " + width + " px";
                driver.get(ToolHttp.baseUrl() + page.getValue());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
                Browser.screenshot(driver, prefix + page.getKey() + "-" + width);
                softly.check(() -> Accessibility.assertNoViolations(driver, name));
                Number overflow = (Number) driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                softly.assertThat(overflow.intValue()).as(name + " scrolls sideways").isLessThanOrEqualTo(0);
                String lang = driver.findElement(By.tagName("html")).getAttribute("lang");
                if (page.getValue().contains("s=")) { // a person's page: their language
                    softly.assertThat(lang).as(name).isEqualTo(page.getKey().endsWith("-en") ? "en" : "es");
                } else { // no session: the browser's language
                    softly.assertThat(lang).as(name).isIn("es", "en");
                }
                softly.assertThat((List<?>) driver.executeScript(SMALL_TARGETS)).as(name + ": targets under 24 × 24 px").isEmpty();
                // Dates, times and counts as people write them: no ISO dates, no bare UTC, no "1 integrantes".
                // (The words shown, not a select's choices nor a field's contents: a zone list offers "UTC".)
                String text = (String) driver.executeScript("var b = document.body.cloneNode(true);"
                        + " b.querySelectorAll('select, textarea, input, script, style').forEach(function (e) { e.remove(); });"
                        + " return b.textContent.replace(/\\s+/g, ' ');");
                softly.assertThat(text).as(name + ": an ISO date").doesNotContainPattern("\\b\\d{4}-\\d{2}-\\d{2}\\b");
                softly.assertThat(text).as(name + ": a time in UTC").doesNotContainPattern("\\bUTC\\b");
                softly.assertThat(text).as(name + ": a plural after one").doesNotContainPattern("(?i)\\b1 (integrantes|equipos|personas|members|teams|people)\\b");
            }
        }
        softly.assertAll();
    }
}
