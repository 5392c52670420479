package org.civicassist.assistant.widget;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget on the demo portal over the real bundled knowledge base and embedding model, in headless Chromium:
 * everyday questions get cited answers, a follow-up keeps the topic, a service name gets its card whose elements
 * answer when tapped. Takes the
 * screenshots of the README (desktop, phone, elder mode) into {@code target/widget-screenshots/}. Shares the index
 * under {@code target/test-store} with the other tests on the bundled KB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assistant.kb.store=target/test-store", "assistant.kb.watch=false"})
class WidgetOnBundledKnowledgeBaseBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "widget-screenshots");

    @LocalServerPort
    int port;
    private WidgetBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private WidgetBrowser open(WidgetBrowser b) {
        browser = b;
        b.load("http://127.0.0.1:" + port + "/demo/");
        b.in(".ca-launcher").click();
        b.visible(".ca-input");
        return b;
    }

    private static WebElement ask(WidgetBrowser b, String question, int replies) {
        b.in(".ca-input").sendKeys(question, Keys.ENTER);
        return b.latestReply(replies);
    }

    /** Scrolls the transcript so that the latest question is at its top, for the screenshots. */
    private static void showFromLastQuestion(WidgetBrowser b) {
        b.inShadow("var q = root.querySelectorAll('.ca-msg--citizen'); var l = root.querySelector('.ca-log');"
                + "l.scrollTop = q[q.length - 1].offsetTop - l.offsetTop - 8;");
    }

    private static List<String> citations(WebElement reply) {
        return reply.findElements(By.cssSelector(".ca-sources .ca-cite")).stream().map(WebElement::getText).toList();
    }

    @Test
    void a_colloquial_question_and_its_follow_up_get_cited_answers__on_a_desktop_and_in_elder_mode() {
        WidgetBrowser b = open(WidgetBrowser.desktop());

        WebElement first = ask(b, "社保卡丢了咋补办", 1);
        assertThat(first.getText()).contains("挂失");
        assertThat(citations(first)).contains("社会保障卡挂失与补换");
        // the demo KB gives guides no url: the citation links to the guide page of the assistant's own server
        assertThat(first.findElements(By.cssSelector("a.ca-cite"))).extracting(a -> a.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).matches("http://[^/]+/guides/guide-shebao-card-reissue"));

        WebElement followUp = ask(b, "那要多久", 2);
        assertThat(citations(followUp)).anySatisfy(c -> assertThat(c).startsWith("社会保障卡挂失与补换"));
        assertThat(followUp.findElements(By.cssSelector(".ca-chip"))).isNotEmpty();
        showFromLastQuestion(b);
        b.screenshot(SCREENSHOTS.resolve("widget-desktop.png"));

        b.in(".ca-tool--elder").click();
        showFromLastQuestion(b);
        b.screenshot(SCREENSHOTS.resolve("widget-elder.png"));
    }

    @Test
    void a_bare_service_name_gets_the_service_card_and_a_tapped_element_is_answered__on_a_phone() {
        WidgetBrowser b = open(WidgetBrowser.phone());

        WebElement card = ask(b, "护照", 1); // a service name alone: its card, with its elements to tap
        assertThat(card.getText()).contains("普通护照申领");
        assertThat(citations(card)).anySatisfy(c -> assertThat(c).startsWith("普通护照申领"));
        assertThat(card.findElement(By.cssSelector(".ca-chips-label")).getText()).isEqualTo("想了解哪一项？");
        WebElement materials = card.findElements(By.cssSelector(".ca-chip")).stream()
                .filter(c -> c.getText().equals("申请材料")).findFirst().orElseThrow();
        materials.click();

        WebElement answer = b.latestReply(2);
        assertThat(citations(answer)).anySatisfy(c -> assertThat(c).startsWith("普通护照申领").endsWith("申请材料"));
        assertThat(b.messages().get(2)).contains("申请材料");
        assertThat(answer.getText()).contains("身份证");
        b.inShadow("var s = root.querySelectorAll('.ca-sources'); s[s.length - 1].scrollIntoView({block: 'center'});");
        b.screenshot(SCREENSHOTS.resolve("widget-mobile.png"));
    }
}
