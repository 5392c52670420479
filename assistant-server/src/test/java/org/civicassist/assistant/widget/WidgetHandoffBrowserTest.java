package org.civicassist.assistant.widget;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 转人工 in real headless Chromium, written against the citizen handoff contract ({@code POST .../handoff},
 * {@code GET .../events}) and the staff API: the citizen asks for a person, a staff member claims the conversation
 * and writes, and the widget shows the staff member joining and their message live; a reload keeps it all; the
 * staff member closes the conversation and the widget asks for a rating.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assistant.staff.bootstrap.username=" + WidgetHandoffBrowserTest.ADMIN,
        "assistant.staff.bootstrap.password=" + WidgetHandoffBrowserTest.ADMIN_PASSWORD,
        "assistant.handoff.office-hours.always-open=true",
        "assistant.handoff.heartbeat=1s"})
@Import(TestEmbedderConfiguration.class)
class WidgetHandoffBrowserTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    int port;
    private WidgetBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl(base()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private String login(String username, String password) {
        return (String) http().post().uri("/api/v1/staff/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("token");
    }

    /** A staff member created by the bootstrap administrator; their login token. */
    private String staff(String username, String displayName) {
        String admin = login(ADMIN, ADMIN_PASSWORD);
        http().post().uri("/api/v1/staff/accounts").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", username + "-password-1", "roles",
                        List.of("STAFF"), "display_name", displayName))
                .exchange().expectStatus().isCreated();
        return login(username, username + "-password-1");
    }

    private void staffPost(String token, String path, Object body) {
        WebTestClient.RequestBodySpec spec = http().post().uri(path).header("Authorization", "Bearer " + token);
        (body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
                .expectStatus().is2xxSuccessful();
    }

    private static String conversationId(WidgetBrowser b) {
        return (String) b.js("for (var i = 0; i < sessionStorage.length; i++) {"
                + "  var k = sessionStorage.key(i);"
                + "  if (/:conversation$/.test(k)) return JSON.parse(sessionStorage.getItem(k)).id; }"
                + "return null;");
    }

    /** The citizen asks for a person and the staff member claims the conversation: the widget shows them joined. */
    private String claimedBy(WidgetBrowser b, String staffToken, String staffName) {
        b.in(".ca-launcher").click();
        b.visible(".ca-input").sendKeys("社保卡丢了怎么补办", Keys.ENTER);
        b.latestReply(1);
        b.in(".ca-tool--handoff").click();
        b.until(x -> x.in(".ca-banner--state").isDisplayed());
        String id = conversationId(b);
        staffPost(staffToken, "/api/v1/staff/conversations/" + id + "/claim", null);
        b.until(x -> x.in(".ca-status").getText().equals("人工客服 " + staffName + " 为您服务"));
        return id;
    }

    @Test
    void a_staff_message_written_while_the_citizen_was_offline_arrives_once_the_network_is_back() {
        // given
        browser = WidgetBrowser.desktop().load(base() + "/demo/");
        WidgetBrowser b = browser;
        String li = staff("liming", "李明");
        String id = claimedBy(b, li, "李明");

        // when: the citizen's network drops, and a staff message is written meanwhile
        b.offline(true);
        b.until(x -> x.in(".ca-banner--connection").isDisplayed());
        staffPost(li, "/api/v1/staff/conversations/" + id + "/messages", Map.of("text", "断网期间发出的消息。"));
        assertThat(b.all(".ca-msg--staff")).isEmpty();

        // then: back online, the stream reconnects and catches up, without duplicates
        b.offline(false);
        b.until(x -> x.all(".ca-msg--staff").size() == 1);
        assertThat(b.in(".ca-msg--staff .ca-text").getText()).isEqualTo("断网期间发出的消息。");
        staffPost(li, "/api/v1/staff/conversations/" + id + "/messages", Map.of("text", "第二条消息。"));
        b.until(x -> x.all(".ca-msg--staff").size() == 2);
        assertThat(b.in(".ca-banner--connection").isDisplayed()).isFalse();
    }

    @Test
    void a_staff_message_can_be_read_aloud__and_in_elder_mode_with_auto_read_it_is_read_once_as_it_arrives()
            throws InterruptedException {
        // given: a device with a Chinese voice (recorded, see WidgetReadAloudBrowserTest), a conversation with 赵强
        browser = WidgetBrowser.desktop()
                .beforeEveryPage(WidgetReadAloudBrowserTest.speech("[" + WidgetReadAloudBrowserTest.ZH_CN + "]"))
                .load(base() + "/demo/");
        WidgetBrowser b = browser;
        String zhao = staff("zhao", "赵强");
        String id = claimedBy(b, zhao, "赵强");
        b.in(".ca-tool--elder").click();
        b.in(".ca-tool--autoread").click();
        assertThat(WidgetReadAloudBrowserTest.spoken(b)).isEmpty();

        // when: he writes
        staffPost(zhao, "/api/v1/staff/conversations/" + id + "/messages", Map.of("text", "您好，我是赵强。请带身份证到窗口补领！"));

        // then: his message arrives with a 朗读 button, and is read as it arrives, sentence by sentence, once
        WebElement message = b.visible(".ca-msg--staff");
        assertThat(message.findElement(By.cssSelector(".ca-read")).isDisplayed()).isTrue();
        b.until(x -> !WidgetReadAloudBrowserTest.spoken(x).isEmpty());
        WidgetReadAloudBrowserTest.finishAll(b);
        assertThat(WidgetReadAloudBrowserTest.spoken(b)).containsExactly("您好，我是赵强。", "请带身份证到窗口补领！");
        Thread.sleep(2500); // heartbeats of the event stream (every second here) bring nothing to read again
        WidgetReadAloudBrowserTest.finishAll(b);
        assertThat(WidgetReadAloudBrowserTest.spoken(b)).hasSize(2);

        // and the button reads it again on demand
        message.findElement(By.cssSelector(".ca-read")).click();
        assertThat(WidgetReadAloudBrowserTest.spoken(b)).hasSize(3).last().isEqualTo("您好，我是赵强。");
    }

    @Test
    void the_citizen_asks_for_a_person__sees_the_staff_member_join_and_write_live__then_rates() {
        // given: a citizen with an answer
        browser = WidgetBrowser.desktop().load(base() + "/demo/");
        WidgetBrowser b = browser;
        b.in(".ca-launcher").click();
        WebElement input = b.visible(".ca-input");
        input.sendKeys("社保卡丢了怎么补办", Keys.ENTER);
        b.latestReply(1);

        // when: 转人工
        b.in(".ca-tool--handoff").click();

        // then: handed over and waiting
        b.until(x -> x.in(".ca-banner--state").isDisplayed());
        assertThat(b.in(".ca-banner--state").getText()).startsWith("已为您转接人工服务");
        assertThat(b.in(".ca-status").getText()).isEqualTo("正在为您转接人工服务");
        assertThat(b.in(".ca-tool--handoff").getText()).isEqualTo("已转人工");
        assertThat(b.in(".ca-tool--handoff").isEnabled()).isFalse();
        assertThat(b.in(".ca-alert").getText()).isEmpty();
        String id = conversationId(b);

        // when: 王芳 claims the conversation and writes
        String wang = staff("wang", "王芳");
        staffPost(wang, "/api/v1/staff/conversations/" + id + "/claim", null);
        staffPost(wang, "/api/v1/staff/conversations/" + id + "/messages", Map.of("text", "您好，我是王芳，请问还有什么可以帮您？"));

        // then: the widget shows her joining and her message, live
        WebElement staffMessage = b.visible(".ca-msg--staff");
        assertThat(staffMessage.findElement(By.cssSelector(".ca-who")).getText()).contains("工作人员 王芳");
        assertThat(staffMessage.findElement(By.cssSelector(".ca-text")).getText()).isEqualTo("您好，我是王芳，请问还有什么可以帮您？");
        b.until(x -> x.in(".ca-banner--state").getText().equals("工作人员王芳已加入对话，正在为您服务。"));
        assertThat(b.in(".ca-status").getText()).isEqualTo("人工客服 王芳 为您服务");
        assertThat(b.all(".ca-msg--system")).isNotEmpty();
        b.until(x -> ((String) x.inShadow("return root.querySelector('.ca-panel [aria-live]').textContent"))
                .contains("请问还有什么可以帮您"));

        // the citizen's next message goes to her, not to the assistant
        b.in(".ca-input").sendKeys("我想问社保卡补办要多久", Keys.ENTER);
        b.visible(".ca-msg--note");
        assertThat(b.all(".ca-msg--assistant:not(.ca-msg--welcome)")).hasSize(2);

        // a reload keeps the transcript and the state
        List<String> before = b.messages();
        b.load(base() + "/demo/");
        b.in(".ca-launcher").click();
        b.until(x -> x.all(".ca-msg--staff").size() == 1);
        b.until(x -> x.in(".ca-banner--state").getText().contains("王芳"));
        assertThat(b.messages()).contains(before.stream().filter(m -> m.contains("请问还有什么可以帮您")).findFirst()
                .orElseThrow());

        // while the panel is closed, a new staff message shows on the launcher
        b.in(".ca-close").click();
        staffPost(wang, "/api/v1/staff/conversations/" + id + "/messages", Map.of("text", "窗口即时制卡。"));
        b.until(x -> x.in(".ca-badge").isDisplayed());
        assertThat(b.in(".ca-launcher").getText()).contains("1");
        b.in(".ca-launcher").click();
        b.until(x -> x.all(".ca-msg--staff").size() == 2);
        assertThat(b.in(".ca-badge").isDisplayed()).isFalse();

        // when: she closes the conversation
        staffPost(wang, "/api/v1/staff/conversations/" + id + "/close", null);

        // then: the widget says so and asks for a rating; no more questions in this conversation
        b.until(x -> x.in(".ca-status").getText().equals("对话已结束"));
        b.visible(".ca-rating-form");
        assertThat(b.in(".ca-input").isEnabled()).isFalse();
        b.all(".ca-star label").get(3).click();
        b.in(".ca-rating-form button[type=submit]").click();
        b.until(x -> x.in(".ca-rating--done .ca-thanks").getText().equals("感谢您的评价！"));
    }
}
