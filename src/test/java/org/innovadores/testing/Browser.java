package org.innovadores.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages (/usr/bin/chromium and /usr/bin/chromedriver,
 * which .ci/run installs), with a fresh profile each time and no network but loopback.
 */
public final class Browser {

    private Browser() {
    }

    /** Which cookies the browser's profile accepts. */
    public enum Cookies { ALL, FIRST_PARTY_ONLY, NONE }

    /** A browser that blocks third-party cookies, and with {@code noCookiesAtAll} every cookie. */
    public static ChromeDriver chromium(boolean noCookiesAtAll) {
        return chromium(noCookiesAtAll ? Cookies.NONE : Cookies.FIRST_PARTY_ONLY);
    }

    public static ChromeDriver chromium(Cookies cookies) {
        return chromium(cookies, new String[0]);
    }

    /** With more command-line switches, e.g. to send a video provider's host to a stand-in on loopback. */
    public static ChromeDriver chromium(Cookies cookies, String... switches) {
        ChromeOptions options = new ChromeOptions();
        options.addArguments(switches);
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        if (cookies == Cookies.ALL) { // this Chromium blocks them by default
            prefs.put("profile.block_third_party_cookies", false);
            prefs.put("profile.cookie_controls_mode", 0);
        } else {
            options.addArguments("--test-third-party-cookie-phaseout");
            prefs.put("profile.block_third_party_cookies", true);
            prefs.put("profile.cookie_controls_mode", 1);
        }
        if (cookies == Cookies.NONE) prefs.put("profile.default_content_setting_values.cookies", 2);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Whether the page shown (e.g. the tool's frame in the LMS) may keep a cookie: a probe cookie
     * written from script and read back. (WebDriver's cookie list shows blocked cookies too.)
     */
    public static boolean cookiesWorkHere(ChromeDriver driver) {
        return (Boolean) driver.executeScript("""
                document.cookie = 'probe=1; SameSite=None; Secure; path=/';
                var kept = document.cookie.indexOf('probe=1') >= 0;
                document.cookie = 'probe=; Max-Age=0; SameSite=None; Secure; path=/';
                return kept;
                """);
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) {
        Path folder = Path.of(System.getProperty("project.dir", "."), "target", "screenshots");
        try {
            Files.createDirectories(folder);
            // The whole page, not just the window: grow the window to the page's height for the picture.
            Dimension window = driver.manage().window().getSize();
            long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(Math.max(height + 150, window.getHeight()), 6000)));
            try {
                Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.manage().window().setSize(window);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
