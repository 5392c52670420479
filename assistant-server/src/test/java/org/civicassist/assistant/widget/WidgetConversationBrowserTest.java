package org.civicassist.assistant.widget;

import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ReplyFeedback;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's conversation through the widget on the demo portal, in real headless Chromium against the whole
 * application over the tiny KB: streamed cited answers, clarify options and suggestions, feedback and rating, the
 * transcript kept across reloads and network loss.
 */
class WidgetConversationBrowserTest extends WidgetTestBase {

    /** Records what the widget's requests asked for and got, to tell a streamed reply from a plain one. */
    static final String RECORD_FETCH = "window.__requests = [];"
            + "var original = window.fetch;"
            + "window.fetch = function (url, init) {"
            + "  var entry = {url: String(url), method: (init && init.method) || 'GET',"
            + "               accept: init && init.headers ? init.headers.Accept : null};"
            + "  window.__requests.push(entry);"
            + "  return original.apply(this, arguments).then(function (res) {"
            + "    entry.status = res.status; entry.type = res.headers.get('Content-Type'); return res; });"
            + "};";

    private WidgetBrowser openDemo() {
        WidgetBrowser b = desktop().load(base() + "/demo/");
        b.in(".ca-launcher").click();
        b.visible(".ca-panel");
        return b;
    }

    private static void type(WidgetBrowser b, String text) {
        WebElement input = b.in(".ca-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private static List<String> citations(WebElement reply) {
        return reply.findElements(By.cssSelector(".ca-sources .ca-cite")).stream().map(WebElement::getText).toList();
    }

    @Test
    void a_question_asked_on_the_demo_portal_gets_a_streamed_answer_citing_its_guide() {
        // given
        WidgetBrowser b = openDemo();
        b.js(RECORD_FETCH);

        // when
        type(b, "社保卡丢了怎么补办");

        // then: the answer, with its sources; a guide with a URL is a link to it
        WebElement reply = b.latestReply(1);
        assertThat(reply.findElement(By.cssSelector(".ca-text")).getText()).contains("先挂失，再带身份证到窗口补领");
        assertThat(citations(reply)).anySatisfy(c -> assertThat(c).startsWith("社会保障卡补领"));
        WebElement guide = reply.findElements(By.cssSelector("a.ca-cite")).stream()
                .filter(a -> a.getText().startsWith("社会保障卡补领")).findFirst().orElseThrow();
        assertThat(guide.getAttribute("href")).isEqualTo("https://example.gov.cn/guide-card");
        assertThat(guide.getAttribute("target")).isEqualTo("_blank");
        assertThat(guide.getAttribute("rel")).contains("noopener");
        assertThat(reply.findElement(By.cssSelector(".ca-feedback")).getText()).contains("有用", "没用");
        assertThat(b.all(".ca-chip")).extracting(WebElement::getText).containsExactly("补办社保卡要钱吗？");
        assertThat(b.in(".ca-notice").getText()).contains("请勿发送身份证号、银行卡号、手机号、密码等个人信息");

        // it came as server-sent events over a POST
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) b.js("return window.__requests");
        assertThat(requests).anySatisfy(r -> {
            assertThat((String) r.get("url")).endsWith("/messages");
            assertThat(r.get("method")).isEqualTo("POST");
            assertThat(r.get("accept")).isEqualTo("text/event-stream");
            assertThat((String) r.get("type")).startsWith("text/event-stream");
        });
        // and the strict Content-Security-Policy of the demo page (no inline code, Trusted Types) was never broken
        assertThat(b.log()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Trusted Type"))
                .noneMatch(m -> m.contains("widget.js") && m.contains("Uncaught"));
        // the screen reader hears the answer once it is complete
        b.until(x -> ((String) x.inShadow("return root.querySelector('.ca-panel [aria-live]').textContent"))
                .contains("先挂失"));
    }

    /**
     * Answers the next POST .../messages in the page with the given server-sent event text, cut into pieces of 1 to
     * 7 bytes (UTF-8 characters and CRLF pairs split between pieces), and records every text the reply bubble shows.
     */
    static final String FAKE_STREAM = "var body = new TextEncoder().encode(arguments[0]);"
            + "window.__shown = [];"
            + "var original = window.fetch;"
            + "window.fetch = function (url, init) {"
            + "  if (!/\\/messages$/.test(String(url))) return original.apply(this, arguments);"
            + "  window.fetch = original;"
            + "  var at = 0, size = 1;"
            + "  var stream = new ReadableStream({ pull: function (c) {"
            + "    return new Promise(function (r) { setTimeout(r, 3); }).then(function () {"
            + "      if (at >= body.length) { c.close(); return; }"
            + "      c.enqueue(body.slice(at, at + size)); at += size; size = size % 7 + 1; }); } });"
            + "  return Promise.resolve(new Response(stream, {status: 200,"
            + "    headers: {'Content-Type': 'text/event-stream;charset=UTF-8'}}));"
            + "};"
            + "var root = document.getElementById('civic-assistant').shadowRoot;"
            + "new MutationObserver(function () {"
            + "  root.querySelectorAll('.ca-msg--assistant:not(.ca-msg--welcome) .ca-text').forEach(function (t) {"
            + "    window.__shown.push(t.textContent); });"
            + "}).observe(root.querySelector('.ca-messages'), {subtree: true, childList: true, characterData: true});";

    @Test
    void a_reply_stream_cut_anywhere_is_read_whole__and_a_replaced_reply_replaces_what_was_shown() {
        // given: a stream with a comment, CRLF, CR and LF line ends, a two-line delta, and a final reply that
        // replaces the streamed text (as with a language model whose draft was rejected)
        WidgetBrowser b = openDemo();
        String events = ": heartbeat\r\n"
                + "event: delta\r\ndata: 社保卡\r\n\r\n"
                + "event: delta\ndata:丢了先挂失。\n\n"
                + "event: delta\rdata: 第一行\rdata: 第二行\r\r"
                + "event: reply\ndata: {\"type\":\"answer\",\"text\":\"以此为准：先挂失，再补领。\","
                + "\"citations\":[{\"id\":\"guide-card\",\"title\":\"社会保障卡补领\",\"section\":\"办理时限\","
                + "\"url\":null}],\"confidence\":0.9,\"suggestions\":[\"补办要多久？\"],\"replaced\":true}\n\n";
        b.js(FAKE_STREAM, events);

        // when
        type(b, "社保卡丢了怎么补办");

        // then: the pieces were shown as they came, whole characters and lines
        WebElement reply = b.latestReply(1);
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) b.js("return window.__shown");
        assertThat(shown).contains("社保卡丢了先挂失。第一行\n第二行");
        assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain("\uFFFD", "\r"));
        // and the final reply replaced them; a citation without a URL is its title, not a link
        assertThat(reply.findElement(By.cssSelector(".ca-text")).getText()).isEqualTo("以此为准：先挂失，再补领。");
        assertThat(citations(reply)).containsExactly("社会保障卡补领 · 办理时限");
        assertThat(reply.findElements(By.cssSelector("a.ca-cite"))).isEmpty();
        assertThat(b.all(".ca-chip")).extracting(WebElement::getText).containsExactly("补办要多久？");
    }

    @Test
    void a_service_card_offers_its_elements__a_tapped_one_answers__and_a_reload_keeps_the_transcript() {
        // given: a bare service word, answered with the service's card
        WidgetBrowser b = openDemo();
        type(b, "补办");

        // then: the card offers the service's elements to tap
        WebElement card = b.latestReply(1);
        assertThat(card.findElement(By.cssSelector(".ca-chips-label")).getText()).isEqualTo("想了解哪一项？");
        assertThat(citations(card)).anySatisfy(c -> assertThat(c).startsWith("社会保障卡补领"));
        assertThat(b.all(".ca-chips")).hasSize(1);
        WebElement element = card.findElements(By.cssSelector(".ca-chip")).stream()
                .filter(c -> c.getText().equals("办理时限")).findFirst().orElseThrow();

        // when: the citizen taps one
        element.click();

        // then: it is sent as their message and answered from the guide's 办理时限 section
        WebElement answer = b.latestReply(2);
        assertThat(answer.getText()).contains("10 个工作日");
        assertThat(citations(answer)).contains("社会保障卡补领 · 办理时限");
        assertThat(b.focused()).contains("ca-input");
        List<String> shown = b.messages();
        assertThat(shown).hasSize(4);
        assertThat(shown.get(2)).contains("办理时限");
        assertThat(conversationOf(b).transcript()).extracting(TranscriptEntry::text).contains("补办", "办理时限");

        // when: the page is reloaded
        b.load(base() + "/demo/");

        // then: the panel starts closed, and opens on the same transcript, read back from the server
        assertThat(b.in(".ca-panel").isDisplayed()).isFalse();
        b.in(".ca-launcher").click();
        b.until(x -> x.messages().size() == 4);
        assertThat(b.messages()).isEqualTo(shown);
    }

    @Test
    void a_suggestion_asks_its_question() {
        WidgetBrowser b = openDemo();
        type(b, "社保卡丢了怎么补办");
        b.latestReply(1);

        b.visible(".ca-chip").click();

        WebElement answer = b.latestReply(2);
        assertThat(answer.getText()).contains("工本费 20 元");
        assertThat(b.messages().get(2)).contains("补办社保卡要钱吗？");
    }

    @Test
    void not_useful_with_a_reason__and_the_rating_of_the_conversation__reach_the_server() {
        // given
        WidgetBrowser b = openDemo();
        type(b, "社保卡丢了怎么补办");
        WebElement reply = b.latestReply(1);

        // when: 没用, with a reason and a detail
        reply.findElements(By.cssSelector(".ca-vote")).get(1).click();
        b.visible(".ca-reasons");
        WebElement hard = b.all(".ca-reasons label").stream().filter(l -> l.getText().equals("看不懂"))
                .findFirst().orElseThrow();
        hard.click();
        b.in(".ca-reasons .ca-detail input").sendKeys("太简略");
        b.in(".ca-reasons button[type=submit]").click();

        // then: thanked, and the server has the verdict on that reply
        b.until(x -> x.in(".ca-feedback .ca-thanks").getText().equals("感谢您的反馈！"));
        assertThat(b.focused()).contains("ca-thanks");
        Conversation saved = b.until(x -> {
            Conversation c = conversationOf(x);
            return c.feedback().isEmpty() ? null : c;
        });
        ReplyFeedback verdict = saved.feedback().get(0);
        assertThat(verdict.useful()).isFalse();
        assertThat(verdict.reason()).contains("看不懂：太简略");
        assertThat(saved.entry(verdict.messageId()).map(TranscriptEntry::author)).contains(Author.ASSISTANT);

        // when: the citizen ends and rates the conversation, first forgetting to choose a score
        b.in(".ca-tool--end").click();
        b.visible(".ca-rating-form");
        b.in(".ca-rating-form button[type=submit]").click();
        assertThat(b.visible(".ca-form-error").getText()).isEqualTo("请先选择分数。");
        b.all(".ca-star label").get(4).click();
        b.in(".ca-rating-form textarea").sendKeys("很方便");
        b.in(".ca-rating-form button[type=submit]").click();

        // then
        b.until(x -> x.in(".ca-rating--done .ca-thanks").getText().equals("感谢您的评价！"));
        Conversation rated = b.until(x -> {
            Conversation c = conversationOf(x);
            return c.rating().isPresent() ? c : null;
        });
        assertThat(rated.rating().get().rating()).isEqualTo(5);
        assertThat(rated.rating().get().comment()).contains("很方便");

        // and a new conversation starts empty
        b.in(".ca-rating--done button").click();
        b.until(x -> x.messages().isEmpty());
        assertThat(b.focused()).contains("ca-input");
    }

    @Test
    void a_message_sent_while_offline_is_kept_and_sent_again_when_the_network_is_back() {
        // given
        WidgetBrowser b = openDemo();
        type(b, "社保卡丢了怎么补办");
        b.latestReply(1);

        // when: the network goes away and the citizen asks
        b.offline(true);
        b.until(x -> x.in(".ca-banner--connection").isDisplayed());
        type(b, "补办社保卡要钱吗？");

        // then: nothing is lost: the message stays, marked as not sent, and the citizen is told
        WebElement failed = b.visible(".ca-failed");
        assertThat(failed.getText()).contains("未发送").contains("重新发送");
        assertThat(b.in(".ca-alert").getText()).contains("网络异常");
        assertThat(b.messages()).hasSize(3);

        // when: the network is back and the citizen sends it again
        b.offline(false);
        b.until(x -> !x.in(".ca-banner--connection").isDisplayed());
        b.in(".ca-failed button").click();

        // then: it is answered, once, and the whole transcript is on the server and on the page
        WebElement answer = b.latestReply(2);
        assertThat(answer.getText()).contains("工本费 20 元");
        assertThat(b.all(".ca-failed")).isEmpty();
        assertThat(b.messages()).hasSize(4);
        List<TranscriptEntry> transcript = conversationOf(b).transcript();
        assertThat(transcript).extracting(TranscriptEntry::author)
                .containsExactly(Author.CITIZEN, Author.ASSISTANT, Author.CITIZEN, Author.ASSISTANT);
        assertThat(transcript.get(2).text()).isEqualTo("补办社保卡要钱吗？");
        b.load(base() + "/demo/");
        b.in(".ca-launcher").click();
        b.until(x -> x.messages().size() == 4);
    }
}
