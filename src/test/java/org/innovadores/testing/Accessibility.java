package org.innovadores.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the npm package, which the build installs into target/browser) on the page the
 * browser shows, for the WCAG 2.0, 2.1 and 2.2 level A and AA rules, and fails with what it found.
 */
public final class Accessibility {

    /** axe-core's rule tags for WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static String axeSource;

    private Accessibility() {
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            Path script = Path.of(System.getProperty("axe.script", "target/browser/node_modules/axe-core/axe.min.js"));
            try {
                axeSource = Files.readString(script);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is installed by the build (npm ci in target/browser)", e);
            }
        }
        return axeSource;
    }

    /** Fails, naming each rule, element and reason, unless axe finds no WCAG A/AA violation on the page. */
    @SuppressWarnings("unchecked")
    public static void assertNoViolations(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(function (r) {
                     done({passes: r.passes.length, violations: r.violations.map(function (v) {
                       return {id: v.id, help: v.help, nodes: v.nodes.map(function (n) {
                         return n.target.join(' ') + ' — ' + n.failureSummary; })};
                     })});
                   }, function (e) { done('axe failed: ' + e); });
                """, WCAG_TAGS);
        assertThat(result).as("axe-core on " + page).isInstanceOf(Map.class);
        Map<String, Object> outcome = (Map<String, Object>) result;
        assertThat(((Number) outcome.get("passes")).intValue()).as("rules axe-core checked and passed on " + page).isGreaterThanOrEqualTo(5);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) outcome.get("violations");
        StringBuilder report = new StringBuilder();
        for (Map<String, Object> v : violations) {
            report.append("\n- ").append(v.get("id")).append(": ").append(v.get("help"));
            for (Object node : (List<Object>) v.get("nodes")) report.append("\n    ").append(node);
        }
        assertThat(violations).as("WCAG A/AA violations on " + page + ":" + report).isEmpty();
    }
}
