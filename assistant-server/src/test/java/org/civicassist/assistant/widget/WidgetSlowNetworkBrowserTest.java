package org.civicassist.assistant.widget;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's first answer on a phone over a throttled 3G network (Chrome DevTools' "Fast 3G" profile, emulated
 * through the DevTools protocol): it arrives, and the widget's script travels gzipped. How long it took is printed for
 * the record, not asserted: on a shared machine a time bound would fail for reasons of its own.
 */
class WidgetSlowNetworkBrowserTest extends WidgetTestBase {

    /** DevTools' "Fast 3G": 562.5 ms round trip, 1.6 Mbit/s down and 750 kbit/s up, each at 90 %. */
    static final double LATENCY_MS = 562.5;
    static final int DOWNLOAD_BYTES_PER_SECOND = 180_000;
    static final int UPLOAD_BYTES_PER_SECOND = 84_375;

    /** Notes when the question is sent and when the first reply has finished streaming, by the page's own clock. */
    static final String TIME_THE_ANSWER = "var root = document.getElementById('civic-assistant').shadowRoot;"
            + "window.__asked = null; window.__answered = null;"
            + "root.querySelector('.ca-input').addEventListener('keydown', function (e) {"
            + "  if (e.key === 'Enter' && window.__asked === null) window.__asked = performance.now(); }, true);"
            + "new MutationObserver(function () {"
            + "  if (window.__asked !== null && window.__answered === null"
            + "      && root.querySelector('.ca-msg--assistant:not(.ca-msg--welcome):not([aria-busy])'))"
            + "    window.__answered = performance.now();"
            + "}).observe(root, {subtree: true, childList: true, attributes: true});";

    @Test
    void the_first_answer_arrives_on_a_throttled_3g_network_with_the_widget_script_gzipped() {
        // given: a phone on 3G
        WidgetBrowser b = phone();
        b.driver().executeCdpCommand("Network.enable", Map.of());
        b.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                "latency", LATENCY_MS, "downloadThroughput", DOWNLOAD_BYTES_PER_SECOND,
                "uploadThroughput", UPLOAD_BYTES_PER_SECOND));
        b.load(base() + "/demo/");
        b.in(".ca-launcher").click();
        b.visible(".ca-panel");
        b.js(TIME_THE_ANSWER);

        // when
        WebElement input = b.in(".ca-input");
        input.sendKeys("社保卡丢了怎么补办");
        input.sendKeys(Keys.ENTER);

        // then: the answer arrives whole
        WebElement reply = b.latestReply(1);
        assertThat(reply.findElement(By.cssSelector(".ca-text")).getText()).contains("先挂失，再带身份证到窗口补领");

        // the script came over the throttled network (it took at least the round trip), gzipped
        @SuppressWarnings("unchecked")
        Map<String, Object> script = (Map<String, Object>) b.js("var e = performance.getEntriesByType('resource')"
                + "  .filter(function (r) { return /\\/widget\\/widget\\.js$/.test(r.name); })[0];"
                + "return e ? {transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,"
                + "            duration: e.duration} : null;");
        assertThat(script).as("resource timing of widget.js").isNotNull();
        double duration = number(script, "duration");
        long transferred = (long) number(script, "transfer");
        long encoded = (long) number(script, "encoded");
        long decoded = (long) number(script, "decoded");
        assertThat(duration).as("widget.js load time (ms)").isGreaterThanOrEqualTo(LATENCY_MS);
        assertThat(decoded).as("widget.js size").isGreaterThan(20_000);
        assertThat(encoded).as("widget.js as sent").isLessThan(decoded / 2);
        assertThat(transferred).as("widget.js bytes on the wire, headers included")
                .isGreaterThanOrEqualTo(encoded).isLessThan(decoded / 2);

        double asked = number(b.js("return {v: window.__asked};"), "v");
        double answered = number(b.js("return {v: window.__answered};"), "v");
        double pageLoaded = number(b.js("return {v: performance.getEntriesByType('navigation')[0].loadEventEnd};"), "v");
        System.out.printf(Locale.ROOT, "Fast 3G (%.1f ms, %d B/s down): demo page loaded in %.0f ms; widget.js %d bytes "
                        + "transferred (%d gzipped, %d plain) in %.0f ms; first question to complete answer %.0f ms%n",
                LATENCY_MS, DOWNLOAD_BYTES_PER_SECOND, pageLoaded, transferred, encoded, decoded, duration,
                answered - asked);
    }

    @SuppressWarnings("unchecked")
    private static double number(Object map, String key) {
        Object value = ((Map<String, Object>) map).get(key);
        assertThat(value).as(key).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }
}
