package org.civicassist.assistant.widget;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 删除记录 in real headless Chromium: a first press only asks to confirm; the second deletes the conversation on the
 * server (its token no longer finds it) and the widget starts afresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEmbedderConfiguration.class)
class WidgetDeleteRecordBrowserTest {

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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> storedConversation(WidgetBrowser b) {
        return (Map<String, Object>) b.js("for (var i = 0; i < sessionStorage.length; i++) {"
                + "  var k = sessionStorage.key(i);"
                + "  if (/:conversation$/.test(k) && sessionStorage.getItem(k)) return JSON.parse(sessionStorage.getItem(k)); }"
                + "return null;");
    }

    private int status(String id, String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build().get().uri("/api/v1/conversations/{id}", id).header("X-Conversation-Token", token)
                .exchange().returnResult(Void.class).getStatus().value();
    }

    @Test
    void the_citizen_deletes_the_record_after_confirming__the_server_no_longer_has_it() {
        browser = WidgetBrowser.desktop().load("http://127.0.0.1:" + port + "/demo/");
        WidgetBrowser b = browser;
        b.in(".ca-launcher").click();
        b.visible(".ca-input").sendKeys("社保卡丢了怎么补办", Keys.ENTER);
        b.latestReply(1);
        Map<String, Object> conv = storedConversation(b);
        String id = (String) conv.get("id");
        String token = (String) conv.get("token");
        assertThat(status(id, token)).isEqualTo(200);

        // the first press asks to confirm and deletes nothing
        assertThat(b.in(".ca-tool--forget").getText()).isEqualTo("删除记录");
        b.in(".ca-tool--forget").click();
        assertThat(b.in(".ca-tool--forget").getText()).isEqualTo("确认删除？");
        assertThat(status(id, token)).isEqualTo(200);

        // the second deletes it on the server and clears the panel
        b.in(".ca-tool--forget").click();
        b.until(x -> storedConversation(x) == null);
        assertThat(status(id, token)).isEqualTo(404);
        assertThat(b.all(".ca-msg--citizen")).isEmpty();
        assertThat(b.in(".ca-tool--forget").getText()).isEqualTo("删除记录");
    }
}
