package org.civicassist.assistant.widget;

import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

/**
 * The whole application over the tiny KB (in-memory store), serving the widget and the demo page to real headless
 * Chromium. Each test opens its own browser, closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEmbedderConfiguration.class)
abstract class WidgetTestBase {

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ConversationStore store;

    private WidgetBrowser browser;

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected WidgetBrowser desktop() {
        browser = WidgetBrowser.desktop();
        return browser;
    }

    protected WidgetBrowser phone() {
        browser = WidgetBrowser.phone();
        return browser;
    }

    protected WidgetBrowser phone(int width, int height) {
        browser = WidgetBrowser.phone(width, height);
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The conversation the widget keeps in this tab's sessionStorage, as the server has it. */
    protected Conversation conversationOf(WidgetBrowser b) {
        String id = (String) b.js("for (var i = 0; i < sessionStorage.length; i++) {"
                + "  var k = sessionStorage.key(i);"
                + "  if (/:conversation$/.test(k)) return JSON.parse(sessionStorage.getItem(k)).id; }"
                + "return null;");
        if (id == null) {
            throw new AssertionError("the widget keeps no conversation in sessionStorage");
        }
        return store.find(id).block(Duration.ofSeconds(5));
    }
}
