package org.innovadores.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A person who uses only the keyboard: Tab moves from control to control, Enter or Space acts.
 * At every stop it checks what WCAG 2.2 asks of focus: the focused control shows a visible focus
 * indicator (2.4.7) and is not hidden under another element, e.g. a sticky header (2.4.11).
 */
public final class Keyboard {

    /** Most Tab presses to reach one control; a page needing more is a finding of its own. */
    private static final int MAX_TABS = 150;

    /** For the focused element: whether it is the target, whether focus shows, and what covers it. */
    private static final String FOCUS_STATE = """
            var target = arguments[0], el = document.activeElement;
            if (!el || el === document.body) return {atTarget: false, visible: true, covered: null, name: 'body'};
            var style = getComputedStyle(el);
            var outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            var shadow = style.boxShadow && style.boxShadow !== 'none';
            var native = el.tagName === 'VIDEO' || el.tagName === 'AUDIO' || el.tagName === 'IFRAME';
            var r = el.getBoundingClientRect();
            var x = Math.min(Math.max(r.left + Math.min(r.width, 8) / 2 + 1, 0), innerWidth - 1);
            var y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
            var top = document.elementFromPoint(x, y);
            var covered = top && top !== el && !el.contains(top) && !top.contains(el) && !(el.labels && [].some.call(el.labels,
                function (l) { return l.contains(top); })) ? (top.tagName + '#' + top.id + '.' + top.className) : null;
            return {atTarget: el === target, visible: outline || shadow || native, covered: covered,
                    name: el.tagName + '#' + el.id + ' "' + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"'};
            """;

    private final WebDriver driver;

    public Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    /** Tabs until the control is focused, checking focus at every stop on the way. */
    @SuppressWarnings("unchecked")
    public WebElement tabTo(By locator) {
        WebElement target = driver.findElement(locator);
        for (int presses = 0; presses < MAX_TABS; presses++) {
            Map<String, Object> state = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(FOCUS_STATE, target);
            if (!"body".equals(state.get("name"))) {
                assertThat(state.get("visible")).as("focus indicator on " + state.get("name") + " at " + driver.getCurrentUrl())
                        .isEqualTo(true);
                assertThat(state.get("covered")).as("focused " + state.get("name") + " hidden under another element").isNull();
            }
            if (Boolean.TRUE.equals(state.get("atTarget"))) return target;
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + locator + " on " + driver.getCurrentUrl());
    }

    /** Tabs to a link or button and presses Enter. */
    public void activate(By locator) {
        tabTo(locator);
        press(Keys.ENTER);
    }

    /** Tabs to a field and types into it (replacing what it held when asked). */
    public void type(By locator, CharSequence text, boolean replace) {
        tabTo(locator);
        if (replace) {
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).perform();
        }
        new Actions(driver).sendKeys(text).perform();
    }

    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }
}
