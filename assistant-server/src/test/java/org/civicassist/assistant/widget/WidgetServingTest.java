package org.civicassist.assistant.widget;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server does for the widget, over real HTTP: its files, the demo page at {@code /demo/}, and cross-origin
 * access to the citizen API limited to the sites of {@code assistant.widget.allowed-origins}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "assistant.widget.allowed-origins=https://www.jiangzhou.gov.cn,https://*.jiangzhou.gov.cn")
@Import(TestEmbedderConfiguration.class)
class WidgetServingTest {

    static final String PORTAL = "https://www.jiangzhou.gov.cn";

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    int port;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void serves_the_widget_files() {
        client().get().uri("/widget/widget.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectBody(String.class).value(js -> assertThat(js).contains("window.CivicAssistant"));
        client().get().uri("/widget/widget.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void serves_the_demo_portal_at_slash_demo() {
        client().get().uri("/demo").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().location("/demo/");
        String page = client().get().uri("/demo/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("江州市人民政府", "<script src=\"/widget/widget.js\" data-endpoint=\"/\"",
                "http-equiv=\"Content-Security-Policy\"", "script-src 'self'", "require-trusted-types-for 'script'");
        client().get().uri("/demo/demo.js").exchange().expectStatus().isOk();
        client().get().uri("/demo/demo.css").exchange().expectStatus().isOk();
    }

    @Test
    void pages_carry_a_strict_policy_and_no_framing__the_widget_files_stay_loadable_by_other_sites() {
        for (String page : new String[] {"/demo/", "/staff/", "/guides/guide-card"}) {
            client().get().uri(page).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .as(page).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                                    "object-src 'none'", "require-trusted-types-for 'script'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"))
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        }
        client().get().uri("/guides/guide.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
        for (String file : new String[] {"/widget/widget.js", "/widget/widget.css"}) {
            client().get().uri(file).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("Cross-Origin-Resource-Policy", "cross-origin")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().doesNotExist("X-Frame-Options");
        }
    }

    @Test
    void a_listed_site_may_call_the_citizen_api_from_its_pages() {
        client().method(HttpMethod.OPTIONS).uri("/api/v1/conversations/abc/messages")
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-conversation-token")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        h -> assertThat(h.toLowerCase()).contains("x-conversation-token"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        client().post().uri("/api/v1/conversations").header(HttpHeaders.ORIGIN, "https://zwfw.jiangzhou.gov.cn")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://zwfw.jiangzhou.gov.cn");
    }

    @Test
    void another_site_may_not() {
        client().method(HttpMethod.OPTIONS).uri("/api/v1/conversations")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        // and nothing else of the server is opened to other sites
        client().method(HttpMethod.OPTIONS).uri("/api/v1/admin/analytics")
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
