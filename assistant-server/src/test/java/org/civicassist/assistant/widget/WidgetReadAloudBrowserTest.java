package org.civicassist.assistant.widget;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 适老化 in real headless Chromium: 朗读 (read aloud) of answers and service cards with the browser's speech synthesis
 * (staff messages: {@link WidgetHandoffBrowserTest}), auto-read in elder mode, the A+ / A− text steps on a 360 px phone, and reflow at 320 px.
 * <p>
 * Headless Chromium has no voices, so {@link #speech} puts a recording {@code speechSynthesis} and
 * {@code SpeechSynthesisUtterance} into every page before the widget loads: it reports the given voices, records every
 * utterance and every {@code cancel()}, and ends the utterance being spoken when the test calls
 * {@code __speech.finish()}, as an engine does when it has read a sentence.
 */
class WidgetReadAloudBrowserTest extends WidgetTestBase {

    private static final String[] SERIOUS = {"serious", "critical"};

    static final String ZH_CN = "{name: '中文（中国大陆）', lang: 'zh-CN', localService: true, voiceURI: 'zh-cn'}";
    static final String ZH_TW_NETWORK = "{name: '國語（臺灣）', lang: 'zh-TW', localService: false, voiceURI: 'zh-tw'}";
    static final String EN_US = "{name: 'English (United States)', lang: 'en-US', localService: true, voiceURI: 'en'}";

    /** A recording speech synthesis reporting the given voices (a JavaScript array literal). */
    static String speech(String voices) {
        return """
                (function () {
                  var voices = %s;
                  var queue = [];
                  var listeners = [];
                  var log = window.__speech = { spoken: [], cancels: 0 };
                  function Utterance(text) {
                    this.text = text; this.lang = ''; this.voice = null; this.rate = 1; this.pitch = 1; this.volume = 1;
                    this.onend = null; this.onerror = null;
                  }
                  var synth = {
                    speaking: false, pending: false, paused: false,
                    getVoices: function () { return voices.slice(); },
                    speak: function (u) {
                      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
                      queue.push(u);
                    },
                    cancel: function () {
                      log.cancels += 1;
                      queue.splice(0).forEach(function (u) {
                        if (u.onerror) u.onerror({ type: 'error', error: 'interrupted', utterance: u });
                      });
                    },
                    pause: function () {}, resume: function () {},
                    addEventListener: function (type, fn) { if (type === 'voiceschanged') listeners.push(fn); },
                    removeEventListener: function () {}
                  };
                  log.finish = function () {
                    var u = queue.shift();
                    if (u && u.onend) u.onend({ type: 'end', utterance: u });
                    return !!u;
                  };
                  log.setVoices = function (v) {
                    voices = v;
                    listeners.forEach(function (fn) { fn({ type: 'voiceschanged' }); });
                  };
                  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
                  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
                })();
                """.formatted(voices);
    }

    /** A reply with the marks a language model's draft may carry ([1], 【2】), a 【title】 line and a menu path. */
    static final String MARKED_REPLY = "event: reply\ndata: {\"type\":\"answer\",\"text\":\""
            + "【社会保障卡补领 · 办理流程】\\n先挂失[1]，再带身份证到窗口补领。工本费 20 元【2】！"
            + "\\n网上办理：江州办 App → 社保 → 社保卡挂失\\n\\n完整办事指南：社会保障卡补领\","
            + "\"citations\":[{\"id\":\"guide-card\",\"title\":\"社会保障卡补领\",\"section\":\"办理流程\","
            + "\"url\":null}],\"confidence\":0.9,\"suggestions\":[\"补办要多久？\"]}\n\n";
    static final List<String> MARKED_REPLY_SENTENCES = List.of("社会保障卡补领 办理流程", "先挂失，再带身份证到窗口补领。",
            "工本费 20 元！", "网上办理：江州办 App，社保，社保卡挂失", "完整办事指南：社会保障卡补领");

    private WidgetBrowser openDemo(WidgetBrowser browser) {
        WidgetBrowser b = browser.load(base() + "/demo/");
        b.in(".ca-launcher").click();
        b.visible(".ca-panel");
        return b;
    }

    private static WebElement ask(WidgetBrowser b, String text, int replies) {
        WebElement input = b.in(".ca-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        return b.latestReply(replies);
    }

    @SuppressWarnings("unchecked")
    static List<String> spoken(WidgetBrowser b) {
        return (List<String>) b.js("return window.__speech.spoken.map(function (u) { return u.text; })");
    }

    private static long cancels(WidgetBrowser b) {
        return (Long) b.js("return window.__speech.cancels");
    }

    /** Ends the utterances one by one, as the engine does, until nothing is left to read. */
    static void finishAll(WidgetBrowser b) {
        for (int i = 0; i < 50 && Boolean.TRUE.equals(b.js("return window.__speech.finish()")); i++) {
            // the widget queues the next sentence when one ends
        }
    }

    private static WebElement control(WebElement message, String css) {
        return message.findElement(By.cssSelector(css));
    }

    private static String textStep(WidgetBrowser b) {
        return b.in(".ca-root").getAttribute("data-text-step");
    }

    private static double px(WebElement e, String property) {
        return Double.parseDouble(e.getCssValue(property).replace("px", ""));
    }

    /**
     * Every control of the open panel, scrolled into view as Tab would, lies inside the viewport and is the element
     * found at its own centre (nothing covers it); the page and the transcript do not scroll sideways. Returns the
     * problems, empty when there are none.
     */
    @SuppressWarnings("unchecked")
    private static List<String> unreachable(WidgetBrowser b) {
        return (List<String>) b.inShadow("""
                var out = [];
                var doc = document.documentElement;
                if (doc.scrollWidth > doc.clientWidth) out.push('page scrolls sideways: ' + doc.scrollWidth);
                var log = root.querySelector('.ca-log');
                if (log.scrollWidth > log.clientWidth) out.push('transcript scrolls sideways: ' + log.scrollWidth);
                root.querySelectorAll('.ca-panel a[href], .ca-panel button, .ca-panel textarea, .ca-panel input')
                  .forEach(function (el) {
                    if (!el.getClientRects().length || el.closest('[hidden]')) return;
                    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
                    var r = el.getBoundingClientRect();
                    // a link that wraps is hit on its first line
                    var first = el.getClientRects()[0];
                    var hit = root.elementFromPoint(first.left + first.width / 2, first.top + first.height / 2);
                    var name = el.className || el.tagName;
                    if (r.left < 0 || r.right > innerWidth + 0.5 || r.top < 0 || r.bottom > innerHeight + 0.5) {
                      out.push(name + ' outside the viewport: ' + JSON.stringify(r));
                    } else if (!hit || !(hit === el || el.contains(hit) || (hit.control === el))) {
                      out.push(name + ' covered by ' + (hit ? hit.className || hit.tagName : 'nothing') + ' at '
                        + JSON.stringify(r) + ', transcript ' + JSON.stringify(log.getBoundingClientRect()));
                    }
                  });
                return out;
                """);
    }

    @Test
    void the_read_aloud_button_reads_the_answer_as_plain_text_sentence_by_sentence__with_pause_and_stop() {
        // given: a device with a Chinese voice among others, and an answer with citation marks
        WidgetBrowser b = openDemo(desktop().beforeEveryPage(speech("[" + EN_US + ", " + ZH_TW_NETWORK + ", " + ZH_CN + "]")));
        b.js(WidgetConversationBrowserTest.FAKE_STREAM, MARKED_REPLY);
        WebElement reply = ask(b, "社保卡丢了怎么补办", 1);

        // then: the answer has a 朗读 button, a real toggle button with a name; nothing is read by itself
        WebElement read = control(reply, ".ca-read");
        assertThat(read.isDisplayed()).isTrue();
        assertThat(read.getTagName()).isEqualTo("button");
        assertThat(read.getText()).isEqualTo("朗读");
        assertThat(read.getAttribute("aria-label")).isEqualTo("朗读这条消息");
        assertThat(read.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(control(reply, ".ca-read-pause").isDisplayed()).isFalse();
        assertThat(b.all(".ca-msg--citizen .ca-read")).isEmpty();
        assertThat(spoken(b)).isEmpty();

        // when: a keyboard user reaches it (Shift+Tab back from the question box) and presses Enter
        b.until(x -> x.focused().contains("ca-input"));
        for (int i = 0; i < 12 && !b.focused().equals("ca-read"); i++) {
            b.shiftTab();
        }
        assertThat(b.focused()).isEqualTo("ca-read");
        assertThat(b.inShadow("var s = getComputedStyle(root.activeElement); return s.outlineStyle + ' ' + s.outlineWidth"))
                .isEqualTo("solid 3px");
        b.press(Keys.ENTER);

        // then: the first sentence is read with the zh-CN voice; the button is pressed, pause and stop show
        assertThat(spoken(b)).containsExactly(MARKED_REPLY_SENTENCES.get(0));
        assertThat(b.js("return window.__speech.spoken[0]"))
                .isEqualTo(Map.of("text", MARKED_REPLY_SENTENCES.get(0), "lang", "zh-CN", "voice", "中文（中国大陆）"));
        assertThat(read.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(control(reply, ".ca-read-pause").getText()).isEqualTo("暂停");
        assertThat(control(reply, ".ca-read-stop").getText()).isEqualTo("停止");

        // and sentence after sentence, the whole answer without its citation marks
        finishAll(b);
        assertThat(spoken(b)).isEqualTo(MARKED_REPLY_SENTENCES);
        assertThat(read.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(control(reply, ".ca-read-stop").isDisplayed()).isFalse();

        // when: read again, then paused in the second sentence
        read.click();
        b.js("window.__speech.finish()");
        long before = cancels(b);
        control(reply, ".ca-read-pause").click();

        // then: reading stops there, and 继续 reads on from that sentence
        assertThat(cancels(b)).isEqualTo(before + 1);
        assertThat(control(reply, ".ca-read-pause").getText()).isEqualTo("继续");
        assertThat(read.getAttribute("aria-pressed")).isEqualTo("true");
        control(reply, ".ca-read-pause").click();
        List<String> now = spoken(b);
        assertThat(now.subList(5, now.size())).containsExactly(MARKED_REPLY_SENTENCES.get(0),
                MARKED_REPLY_SENTENCES.get(1), MARKED_REPLY_SENTENCES.get(1));

        // when: stopped
        control(reply, ".ca-read-stop").click();

        // then: speech is cancelled, nothing more is read, and focus goes back to the 朗读 button
        assertThat(cancels(b)).isEqualTo(before + 2);
        assertThat(read.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(control(reply, ".ca-read-stop").isDisplayed()).isFalse();
        assertThat(b.focused()).isEqualTo("ca-read");
        finishAll(b);
        assertThat(spoken(b)).hasSize(now.size());
    }

    @Test
    void a_service_card_has_the_button_too__but_only_once_the_device_has_a_chinese_voice() {
        // given: voices load late, as in Chrome, and at first there is only an English one
        WidgetBrowser b = openDemo(desktop().beforeEveryPage(speech("[" + EN_US + "]")));
        WebElement card = ask(b, "补办", 1);
        assertThat(card.findElement(By.cssSelector(".ca-chips-label")).getText()).isEqualTo("想了解哪一项？");

        // then: no 朗读, and no 自动朗读 in elder mode either
        assertThat(b.all(".ca-read")).noneMatch(WebElement::isDisplayed);
        b.in(".ca-tool--elder").click();
        assertThat(b.in(".ca-tool--autoread").isDisplayed()).isFalse();

        // when: a Chinese voice arrives (voiceschanged)
        b.js("window.__speech.setVoices([" + EN_US + ", " + ZH_CN + "])");

        // then: the card can be read, and it is its text that is read
        WebElement read = b.until(x -> control(card, ".ca-read").isDisplayed() ? control(card, ".ca-read") : null);
        assertThat(b.in(".ca-tool--autoread").isDisplayed()).isTrue();
        read.click();
        finishAll(b);
        String text = card.findElement(By.cssSelector(".ca-text")).getText();
        assertThat(String.join("", spoken(b)).replaceAll("\\s", ""))
                .isEqualTo(text.replaceAll("\\s*→\\s*", "，").replaceAll("[【】\\s·]", ""));
        assertThat(spoken(b)).hasSizeGreaterThan(2).noneMatch(s -> s.contains("【") || s.contains("】"));

        // when: the voices go away again (the browser's list changed)
        b.js("window.__speech.setVoices([" + EN_US + "])");

        // then: the buttons are hidden again
        assertThat(b.all(".ca-read")).noneMatch(WebElement::isDisplayed);
    }

    @Test
    void without_speech_synthesis_there_is_no_read_aloud_control() {
        WidgetBrowser b = openDemo(desktop().beforeEveryPage(
                "Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });"));
        ask(b, "社保卡丢了怎么补办", 1);
        b.in(".ca-tool--elder").click();

        assertThat(b.js("return typeof window.speechSynthesis")).isEqualTo("undefined");
        assertThat(b.all(".ca-speak")).isEmpty();
        assertThat(b.in(".ca-tool--autoread").isDisplayed()).isFalse();
    }

    @Test
    void in_elder_mode_auto_read_reads_each_new_answer_once__and_stops_when_the_panel_closes() {
        WidgetBrowser b = openDemo(desktop().beforeEveryPage(speech("[" + ZH_CN + "]")));

        // outside elder mode there is no switch; in elder mode it is there and off by default
        assertThat(b.in(".ca-tool--autoread").isDisplayed()).isFalse();
        b.in(".ca-tool--elder").click();
        WebElement auto = b.in(".ca-tool--autoread");
        assertThat(auto.isDisplayed()).isTrue();
        assertThat(auto.getText()).isEqualTo("自动朗读");
        assertThat(auto.getAttribute("aria-label")).isEqualTo("自动朗读新回答");
        assertThat(auto.getAttribute("aria-pressed")).isEqualTo("false");
        ask(b, "社保卡丢了怎么补办", 1);
        assertThat(spoken(b)).isEmpty();

        // when: switched on, and a question asked
        auto.click();
        assertThat(auto.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(b.js("return localStorage.getItem('civicassist:autoread')")).isEqualTo("1");
        WebElement answer = ask(b, "补办社保卡要钱吗？", 2);

        // then: the new answer is read, once, and nothing else
        b.until(x -> !spoken(x).isEmpty());
        finishAll(b);
        List<String> read = spoken(b);
        String text = answer.findElement(By.cssSelector(".ca-text")).getText();
        assertThat(String.join("", read).replaceAll("\\s", ""))
                .isEqualTo(text.replaceAll("\\s*→\\s*", "，").replaceAll("[【】\\s·]", ""));
        assertThat(read).doesNotHaveDuplicates();
        // and not again when the answer is drawn anew (feedback given, transcript read back)
        answer.findElement(By.cssSelector(".ca-vote")).click();
        b.visible(".ca-thanks");
        finishAll(b);
        assertThat(spoken(b)).isEqualTo(read);

        // when: the panel is closed while the next answer is read
        ask(b, "补办", 3);
        b.until(x -> spoken(x).size() > read.size());
        long before = cancels(b);
        b.press(Keys.ESCAPE);
        b.until(x -> !x.in(".ca-panel").isDisplayed());

        // then: speech is cancelled and nothing more is read
        assertThat(cancels(b)).isEqualTo(before + 1);
        int heard = spoken(b).size();
        finishAll(b);
        assertThat(spoken(b)).hasSize(heard);

        // the switch is remembered on this device
        b.load(base() + "/demo/");
        b.in(".ca-launcher").click();
        assertThat(b.visible(".ca-tool--autoread").getAttribute("aria-pressed")).isEqualTo("true");

        // and it reads nothing outside elder mode
        b.in(".ca-tool--elder").click();
        assertThat(b.in(".ca-tool--autoread").isDisplayed()).isFalse();
        ask(b, "社保卡丢了怎么补办", 4);
        assertThat(spoken(b)).isEmpty();
    }

    @Test
    void text_steps_on_a_360_px_phone_keep_every_control_reachable_and_axe_clean__elder_mode_starts_at_the_second() {
        WidgetBrowser b = openDemo(phone().beforeEveryPage(speech("[" + ZH_CN + "]")));
        ask(b, "社保卡丢了怎么补办", 1);
        b.in(".ca-vote:nth-child(2)").click();
        b.visible(".ca-reasons");
        WebElement larger = b.in(".ca-step--larger");
        WebElement smaller = b.in(".ca-step--smaller");
        assertThat(larger.getText()).isEqualTo("A+");
        assertThat(larger.getAttribute("aria-label")).isEqualTo("A+ 放大文字");
        assertThat(smaller.getAttribute("aria-label")).isEqualTo("A\u2212 缩小文字");
        assertThat(textStep(b)).isEqualTo("0");
        assertThat(smaller.getAttribute("aria-disabled")).isEqualTo("true");

        for (String mode : List.of("normal", "elder")) {
            if (mode.equals("elder")) {
                b.in(".ca-tool--elder").click();
                assertThat(textStep(b)).as("elder mode starts at the second step").isEqualTo("2");
                while (!"true".equals(smaller.getAttribute("aria-disabled"))) {
                    smaller.click();
                }
            }
            double previous = 0;
            for (int step = 0; step <= 3; step++) {
                assertThat(textStep(b)).isEqualTo(String.valueOf(step));
                WebElement text = b.in(".ca-msg--assistant:not(.ca-msg--welcome) .ca-text");
                double size = px(text, "font-size");
                assertThat(size).as("%s mode, step %d", mode, step).isGreaterThan(previous);
                previous = size;
                assertThat(px(text, "line-height") / size).as("line spacing").isGreaterThanOrEqualTo(1.3);
                if (mode.equals("elder")) {
                    for (String control : List.of(".ca-step--smaller", ".ca-step--larger", ".ca-close",
                            ".ca-tool--autoread", ".ca-read")) {
                        Rectangle r = b.in(control).getRect();
                        assertThat(Math.min(r.getWidth(), r.getHeight())).as("%s, step %d", control, step)
                                .isGreaterThanOrEqualTo(44);
                    }
                }
                assertThat(b.js("return window.innerWidth")).isEqualTo(360L);
                assertThat(unreachable(b)).as("%s mode, step %d", mode, step).isEmpty();
                assertThat(b.axeViolations(SERIOUS)).as("%s mode, step %d", mode, step).isEmpty();
                if (step < 3) {
                    larger.click();
                }
            }
            assertThat(larger.getAttribute("aria-disabled")).isEqualTo("true");
            larger.click();
            assertThat(textStep(b)).isEqualTo("3");
        }

        // the step is remembered on this device, for each mode
        b.load(base() + "/demo/");
        assertThat(textStep(b)).isEqualTo("3");
        b.in(".ca-launcher").click();
        b.visible(".ca-tool--elder").click();
        assertThat(textStep(b)).isEqualTo("3");
        b.in(".ca-step--smaller").click();
        assertThat(textStep(b)).isEqualTo("2");
        assertThat(b.js("return localStorage.getItem('civicassist:textstep')")).isEqualTo("2");
    }

    @Test
    void at_320_px_the_panel_reflows_without_sideways_scrolling__normal_text_and_the_largest_elder_text() {
        WidgetBrowser b = phone(320, 640).beforeEveryPage(speech("[" + ZH_CN + "]")).load(base() + "/demo/");
        assertThat(b.js("return window.innerWidth")).isEqualTo(320L);
        assertThat(b.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isEqualTo(true);
        b.in(".ca-launcher").click();
        b.visible(".ca-panel");
        ask(b, "补办", 1);
        assertThat(unreachable(b)).as("normal text").isEmpty();

        b.in(".ca-tool--elder").click();
        b.in(".ca-step--larger").click();
        assertThat(textStep(b)).isEqualTo("3");
        assertThat(b.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isEqualTo(true);
        assertThat(unreachable(b)).as("elder mode, largest text").isEmpty();
        assertThat(b.in(".ca-panel").getRect().getWidth()).isEqualTo(320);
    }
}
