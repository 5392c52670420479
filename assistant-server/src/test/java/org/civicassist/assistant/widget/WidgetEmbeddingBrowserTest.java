package org.civicassist.assistant.widget;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How host pages embed the widget, in real headless Chromium: settings from data- attributes, mistakes in them
 * reported on the console, the documented window API, and a page of another origin using the API across origins.
 */
class WidgetEmbeddingBrowserTest extends WidgetTestBase {

    @Test
    void settings_from_data_attributes_are_applied() {
        WidgetBrowser b = desktop().load(base() + "/widget-test/english.html");

        assertThat(b.in(".ca-launcher-text").getText()).isEqualTo("Ask us");
        assertThat(b.in(".ca-root").getAttribute("lang")).isEqualTo("en");
        assertThat(b.in(".ca-launcher").getCssValue("background-color")).isIn("rgba(138, 21, 56, 1)", "rgb(138, 21, 56)");
        assertThat(b.in(".ca-launcher").getRect().getX()).isLessThan(100);

        b.in(".ca-launcher").click();
        assertThat(b.visible(".ca-title").getText()).isEqualTo("Jiangzhou Help Desk");
        assertThat(b.in(".ca-send").getText()).isEqualTo("Send");
        assertThat(b.in(".ca-panel").getRect().getX()).isLessThan(100);
        assertThat(b.log()).extracting(LogEntry::getMessage).noneMatch(m -> m.contains("[CivicAssistant]"));
    }

    @Test
    void mistakes_in_the_settings_are_reported_on_the_console_and_the_defaults_used() {
        WidgetBrowser b = desktop().load(base() + "/widget-test/invalid.html");

        List<String> errors = b.log().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(m -> m.contains("[CivicAssistant]")).toList();
        assertThat(errors).anySatisfy(m -> assertThat(m).contains("data-endpoint=\\\"ftp://example.org\\\""))
                .anySatisfy(m -> assertThat(m).contains("data-locale=\\\"fr\\\"").contains("zh-CN"))
                .anySatisfy(m -> assertThat(m).contains("data-position=\\\"top\\\""))
                .anySatisfy(m -> assertThat(m).contains("data-primary-color").contains("4.5:1"))
                .anySatisfy(m -> assertThat(m).contains("data-colour").contains("not a setting"));

        // it still works, with its defaults: Chinese, on the right, talking to where widget.js came from
        assertThat(b.in(".ca-launcher-text").getText()).isEqualTo("在线咨询");
        assertThat(b.in(".ca-launcher").getRect().getX()).isGreaterThan(600);
        assertThat(b.in(".ca-launcher").getCssValue("background-color")).isIn("rgba(11, 79, 156, 1)", "rgb(11, 79, 156)");
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) b.asyncJs("var done = arguments[arguments.length - 1];"
                + "window.CivicAssistant.ask('社保卡丢了怎么补办').then(done, function (e) { done({error: String(e)}); });");
        assertThat(reply).containsEntry("type", "answer");
    }

    @Test
    void the_window_api_opens__asks__switches_language_and_closes() {
        WidgetBrowser b = desktop().load(base() + "/demo/");
        assertThat(b.js("return window.CivicAssistant.isOpen()")).isEqualTo(false);

        // ask opens the panel and resolves with the reply
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) b.asyncJs("var done = arguments[arguments.length - 1];"
                + "window.CivicAssistant.ask('补办社保卡要钱吗？').then(done, function (e) { done({error: String(e)}); });");
        assertThat(reply).containsEntry("type", "answer");
        assertThat((String) reply.get("text")).contains("工本费 20 元");
        assertThat((List<?>) reply.get("citations")).isNotEmpty();
        assertThat(b.js("return window.CivicAssistant.isOpen()")).isEqualTo(true);
        assertThat(b.visible(".ca-panel").isDisplayed()).isTrue();

        // setLocale switches every label; an unknown locale is refused with a console error
        assertThat(b.js("return window.CivicAssistant.setLocale('en')")).isEqualTo(true);
        assertThat(b.in(".ca-send").getText()).isEqualTo("Send");
        assertThat(b.in(".ca-feedback-label").getText()).isEqualTo("Was this answer helpful?");
        assertThat(b.in(".ca-sources-label").getText()).isEqualTo("Source:");
        assertThat(b.js("return window.CivicAssistant.setLocale('fr')")).isEqualTo(false);
        assertThat(b.log()).extracting(LogEntry::getMessage).anySatisfy(m -> assertThat(m).contains("setLocale"));
        assertThat(b.js("return window.CivicAssistant.setLocale('zh-CN')")).isEqualTo(true);
        assertThat(b.in(".ca-send").getText()).isEqualTo("发送");

        // setElderMode, and the page hears of it
        b.js("window.CivicAssistant.setElderMode(true)");
        assertThat(b.in(".ca-root").getAttribute("class")).contains("ca-elder");
        assertThat(b.js("return document.documentElement.classList.contains('large-text')")).isEqualTo(true);
        b.js("window.CivicAssistant.setElderMode(false)");

        // close hides the panel and returns focus to the launcher
        b.js("window.CivicAssistant.close()");
        b.until(x -> !x.in(".ca-panel").isDisplayed());
        assertThat(b.focused()).contains("ca-launcher");
        b.js("window.CivicAssistant.open()");
        b.until(x -> x.focused().contains("ca-input"));
    }

    @Test
    void the_demo_portal_buttons_use_the_window_api() {
        WidgetBrowser b = desktop().load(base() + "/demo/");

        b.driver().findElement(org.openqa.selenium.By.cssSelector("[data-ask='社保卡丢了怎么补办']")).click();

        assertThat(b.latestReply(1).getText()).contains("先挂失");
        assertThat(b.messages().get(0)).contains("社保卡丢了怎么补办");
    }

    @Test
    void a_page_of_another_origin_embeds_the_widget_and_talks_to_the_api_across_origins() {
        // given: a page on http://localhost:PORT, the assistant on http://127.0.0.1:PORT (another origin)
        WidgetBrowser b = desktop();
        b.driver().get("http://localhost:" + port + "/widget-test/blank.html");

        // when: the page adds the one script tag
        b.js("var s = document.createElement('script'); s.src = arguments[0] + '/widget/widget.js';"
                + "s.setAttribute('data-endpoint', arguments[0]); s.defer = true; document.head.appendChild(s);", base());
        b.until(x -> Boolean.TRUE.equals(x.js("var h = document.getElementById('civic-assistant');"
                + "return !!h && !h.shadowRoot.querySelector('.ca-root').hidden;")));

        // then: questions go to the other origin and come back (CORS preflight for the token header included)
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) b.asyncJs("var done = arguments[arguments.length - 1];"
                + "window.CivicAssistant.ask('社保卡丢了怎么补办').then(done, function (e) { done({error: String(e)}); });");
        assertThat(reply).containsEntry("type", "answer");
        assertThat(b.latestReply(1).getText()).contains("先挂失");
        assertThat(b.log()).extracting(LogEntry::getMessage).noneMatch(m -> m.contains("CORS"));
    }
}
