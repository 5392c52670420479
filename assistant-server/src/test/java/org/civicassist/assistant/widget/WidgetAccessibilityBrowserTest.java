package org.civicassist.assistant.widget;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 AA and 适老化 in real headless Chromium: keyboard-only use with visible focus kept in the open panel, elder
 * mode (长辈版), a 360 px phone, reduced motion, and axe-core finding no serious or critical violation on the open
 * widget in normal and elder mode.
 */
class WidgetAccessibilityBrowserTest extends WidgetTestBase {

    private static final String[] SERIOUS = {"serious", "critical"};

    private static void ask(WidgetBrowser b, String text, int replies) {
        WebElement input = b.in(".ca-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        b.latestReply(replies);
    }

    /** The focused element inside the widget has an outline of at least 3 px: focus is visible. */
    private static void assertFocusVisible(WidgetBrowser b) {
        @SuppressWarnings("unchecked")
        Map<String, Object> style = (Map<String, Object>) b.inShadow("var s = getComputedStyle(root.activeElement);"
                + "return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)};");
        assertThat(style.get("style")).as("outline of %s", b.focused()).isEqualTo("solid");
        assertThat(((Number) style.get("width")).doubleValue()).as("outline of %s", b.focused()).isGreaterThanOrEqualTo(3);
    }

    private static double px(WebElement e, String property) {
        return Double.parseDouble(e.getCssValue(property).replace("px", ""));
    }

    @Test
    void the_whole_flow_works_by_keyboard_alone__with_focus_visible_and_kept_in_the_panel() {
        WidgetBrowser b = desktop().load(base() + "/demo/");

        // Tab from the top of the page reaches the launcher
        for (int i = 0; i < 40 && !b.focused().contains("ca-launcher"); i++) {
            b.tab();
        }
        assertThat(b.focused()).contains("ca-launcher");
        assertFocusVisible(b);

        // Enter opens the panel with focus in the question box
        b.press(Keys.ENTER);
        b.until(x -> x.focused().contains("ca-input"));
        assertThat(b.in(".ca-panel").isDisplayed()).isTrue();
        assertThat(b.in(".ca-launcher").isDisplayed()).isFalse();

        // typing and Enter asks
        b.press("社保卡丢了怎么补办", Keys.ENTER);
        b.latestReply(1);
        b.until(x -> x.focused().contains("ca-input"));

        // Tab cycles through the panel's controls and never leaves it; every stop shows its focus
        Set<String> stops = new LinkedHashSet<>();
        for (int i = 0; i < 25; i++) {
            b.tab();
            String focused = b.focused();
            assertThat(focused).as("focus after %d tabs", i + 1).isNotEmpty();
            assertFocusVisible(b);
            stops.add(focused);
        }
        assertThat(String.join(" ", stops)).contains("ca-step--smaller", "ca-step--larger", "ca-close", "ca-tool--elder", "ca-tool--handoff", "ca-cite",
                "ca-vote", "ca-chip", "ca-input", "ca-send");
        // and Shift+Tab from the first stop (A−, the header's first button) wraps to the last
        b.inShadow("root.querySelector('.ca-step--smaller').focus()");
        b.shiftTab();
        assertThat(b.focused()).contains("ca-send");

        // a suggestion by keyboard
        for (int i = 0; i < 25 && !b.focused().contains("ca-chip"); i++) {
            b.tab();
        }
        b.press(Keys.ENTER);
        assertThat(b.latestReply(2).getText()).contains("工本费 20 元");

        // Esc closes the panel and gives focus back to the launcher
        b.press(Keys.ESCAPE);
        b.until(x -> !x.in(".ca-panel").isDisplayed());
        assertThat(b.focused()).contains("ca-launcher");
        assertThat(b.in(".ca-launcher").getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void elder_mode_makes_text_and_targets_larger__and_is_remembered_across_visits() {
        WidgetBrowser b = desktop().load(base() + "/demo/");
        b.in(".ca-launcher").click();
        ask(b, "社保卡丢了怎么补办", 1);
        WebElement elder = b.in(".ca-tool--elder");
        assertThat(elder.getText()).isEqualTo("长辈版");
        assertThat(elder.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(px(b.in(".ca-msg--assistant:not(.ca-msg--welcome) .ca-text"), "font-size")).isEqualTo(16);

        // when
        elder.click();

        // then: 20 px text or more, black on white, targets of 44 px or more
        assertThat(elder.getAttribute("aria-pressed")).isEqualTo("true");
        WebElement text = b.in(".ca-msg--assistant:not(.ca-msg--welcome) .ca-text");
        assertThat(px(text, "font-size")).isGreaterThanOrEqualTo(20);
        assertThat(text.getCssValue("color")).isIn("rgba(0, 0, 0, 1)", "rgb(0, 0, 0)");
        for (String control : List.of(".ca-tool--elder", ".ca-chip", ".ca-vote", ".ca-send", ".ca-close", ".ca-input")) {
            Rectangle r = b.in(control).getRect();
            assertThat(r.getHeight()).as("height of %s", control).isGreaterThanOrEqualTo(44);
            assertThat(r.getWidth()).as("width of %s", control).isGreaterThanOrEqualTo(44);
        }
        // simpler: suggestions one per line across the whole bubble column
        WebElement chip = b.in(".ca-chip");
        assertThat(chip.getRect().getWidth()).isGreaterThan(b.in(".ca-log").getRect().getWidth() / 2);

        // remembered on this device: a later visit starts in elder mode
        b.load(base() + "/demo/");
        b.in(".ca-launcher").click();
        assertThat(b.in(".ca-tool--elder").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(b.in(".ca-root").getAttribute("class")).contains("ca-elder");
        assertThat(b.js("return window.CivicAssistant.isElderMode()")).isEqualTo(true);
        assertThat(b.js("return document.getElementById('demo-elder').getAttribute('aria-pressed')")).isEqualTo("true");

        // and it can be turned off again
        b.visible(".ca-tool--elder").click();
        b.until(x -> px(x.in(".ca-msg--assistant:not(.ca-msg--welcome) .ca-text"), "font-size") == 16);
    }

    @Test
    void on_a_360_px_phone_the_panel_fills_the_screen_and_nothing_scrolls_sideways() {
        WidgetBrowser b = phone().load(base() + "/demo/");
        assertThat(b.js("return window.innerWidth")).isEqualTo(360L);
        Rectangle launcher = b.in(".ca-launcher").getRect();
        assertThat(launcher.getX() + launcher.getWidth()).isLessThanOrEqualTo(360);

        b.in(".ca-launcher").click();
        b.visible(".ca-panel");
        WebElement input = b.in(".ca-input");
        input.sendKeys("社保卡丢了怎么补办");
        b.in(".ca-send").click();
        WebElement reply = b.latestReply(1);

        Rectangle panel = b.in(".ca-panel").getRect();
        assertThat(List.of(panel.getX(), panel.getY(), panel.getWidth(), panel.getHeight()))
                .containsExactly(0, 0, 360, 740);
        assertThat(reply.getRect().getX() + reply.getRect().getWidth()).isLessThanOrEqualTo(360);
        assertThat(b.js("return document.documentElement.scrollWidth")).isEqualTo(360L);
        assertThat(b.inShadow("var l = root.querySelector('.ca-log'); return l.scrollWidth <= l.clientWidth;"))
                .isEqualTo(true);
        Rectangle close = b.in(".ca-close").getRect();
        assertThat(close.getWidth()).isGreaterThanOrEqualTo(40);
        assertThat(close.getX() + close.getWidth()).isLessThanOrEqualTo(360);

        // in elder mode the messages keep most of the screen
        b.in(".ca-tool--elder").click();
        assertThat(b.in(".ca-log").getRect().getHeight()).isGreaterThanOrEqualTo(300);
        assertThat(b.js("return document.documentElement.scrollWidth")).isEqualTo(360L);
    }

    @Test
    void motion_only_for_those_who_have_not_asked_for_less() {
        WidgetBrowser b = desktop().load(base() + "/demo/");
        b.in(".ca-launcher").click();
        assertThat(b.in(".ca-panel").getCssValue("animation-name")).isEqualTo("ca-rise");

        b.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));

        assertThat(b.in(".ca-panel").getCssValue("animation-name")).isEqualTo("none");
        assertThat(b.in(".ca-launcher").getCssValue("transition-duration")).isEqualTo("0s");
    }

    @Test
    void axe_core_finds_no_serious_or_critical_violation__normal_and_elder_mode() {
        WidgetBrowser b = desktop().load(base() + "/demo/");
        assertThat(b.axeViolations(SERIOUS)).as("closed widget on the demo page").isEmpty();

        // the open widget with an answer, its sources, suggestions, the reasons form, a clarify and the rating form
        b.in(".ca-launcher").click();
        ask(b, "社保卡丢了怎么补办", 1);
        b.in(".ca-vote:nth-child(2)").click();
        b.visible(".ca-reasons");
        ask(b, "那要多久", 2);
        b.in(".ca-tool--end").click();
        b.visible(".ca-rating-form");
        b.in(".ca-rating-form button[type=submit]").click();
        b.visible(".ca-form-error");

        assertThat(b.axeViolations(SERIOUS)).as("open widget, normal mode").isEmpty();

        b.in(".ca-tool--elder").click();
        assertThat(b.axeViolations(SERIOUS)).as("open widget, elder mode").isEmpty();

        b.in(".ca-tool--language").click();
        assertThat(b.in(".ca-root").getAttribute("lang")).isEqualTo("en");
        assertThat(b.axeViolations(SERIOUS)).as("open widget, elder mode, English").isEmpty();
    }

    @Test
    void axe_core_finds_no_serious_or_critical_violation_on_a_phone() {
        WidgetBrowser b = phone().load(base() + "/demo/");
        b.in(".ca-launcher").click();
        ask(b, "社保卡丢了怎么补办", 1);
        assertThat(b.axeViolations(SERIOUS)).isEmpty();
        assertThat(b.all(".ca-panel[role=dialog][aria-modal=true]")).hasSize(1);
        assertThat(b.in(".ca-panel").getAttribute("aria-labelledby")).isEqualTo("ca-title");
        assertThat(b.in(".ca-input").getAttribute("id")).isEqualTo("ca-input");
        assertThat(b.shadow().findElement(By.cssSelector("label[for=ca-input]")).getAttribute("textContent"))
                .isEqualTo("输入您的问题");
    }
}
