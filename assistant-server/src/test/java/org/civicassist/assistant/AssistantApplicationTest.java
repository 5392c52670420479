package org.civicassist.assistant;

import org.civicassist.assistant.conversation.ConversationMaintenance;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application over the tiny KB (embedded default: in-memory store), through real HTTP: wiring, metrics on
 * {@code /actuator/prometheus}, feedback into analytics, the admin API key, and problem+json outside controllers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assistant.admin.api-key=test-admin-key", "assistant.analytics.gap-similarity=0.5"})
@Import(TestEmbedderConfiguration.class)
class AssistantApplicationTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    int port;
    @Autowired
    ConversationStore store;
    @Autowired
    ConversationMaintenance maintenance;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    record Opened(String id, String token) {
    }

    Opened open() {
        Map<String, Object> body = client().post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return new Opened((String) body.get("id"), (String) body.get("token"));
    }

    Map<String, Object> ask(Opened c, String text) {
        return client().post().uri("/api/v1/conversations/{id}/messages", c.id())
                .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    @Test
    void without_redis_keeps_conversations_in_memory() {
        assertThat(store).isInstanceOf(InMemoryConversationStore.class);
        assertThat(store.kind()).isEqualTo("in-memory");
    }

    @Test
    void exposes_replies_latency_and_conversations_by_status_on_prometheus() {
        Opened c = open();
        ask(c, "补办社保卡要钱吗");
        maintenance.run();

        String metrics = client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).containsPattern("assistant_replies_total\\{[^}]*type=\"(answer|clarify|handoff)\"")
                .contains("assistant_answer_latency_seconds_count")
                .containsPattern("assistant_conversations\\{[^}]*status=\"bot\"")
                .containsPattern("assistant_conversations\\{[^}]*status=\"waiting\"");
    }

    @Test
    void a_repeated_standalone_question_is_answered_from_the_cache_and_its_hits_are_on_prometheus() {
        double hitsBefore = answerCacheGets("hit");
        double missesBefore = answerCacheGets("miss");

        ask(open(), "办护照要多久");
        ask(open(), "办护照要多久");

        assertThat(answerCacheGets("miss")).isGreaterThanOrEqualTo(missesBefore + 1);
        assertThat(answerCacheGets("hit")).isGreaterThanOrEqualTo(hitsBefore + 1);
    }

    @Test
    void a_follow_up_asked_again_in_the_same_context_is_served_its_kept_result__the_reply_unchanged() {
        Opened first = open();
        assertThat(ask(first, "社保卡丢了怎么补办")).extractingByKey("reply").asString().contains("type=answer");
        Object firstFollowUp = ask(first, "那要多久").get("reply");
        double hitsBefore = cacheGets("answers", "hit");
        Opened second = open();
        ask(second, "社保卡丢了怎么补办");

        Object secondFollowUp = ask(second, "那要多久").get("reply");

        // the question and its follow-up, read with the same service as in the first conversation, were kept
        assertThat(cacheGets("answers", "hit")).isGreaterThanOrEqualTo(hitsBefore + 2);
        assertThat(secondFollowUp).isEqualTo(firstFollowUp);
    }

    double answerCacheGets(String result) {
        return cacheGets("answers", result);
    }

    /** {@code cache_gets_total{cache=…, result=…}} as /actuator/prometheus gives it. */
    double cacheGets(String cache, String result) {
        String metrics = client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher m = Pattern.compile("cache_gets_total\\{[^}]*cache=\"" + cache + "\"[^}]*result=\"" + result
                + "\"[^}]*} ([0-9.eE+]+)").matcher(metrics);
        assertThat(m.find()).as("cache_gets_total of cache %s, result %s, in:%n%s", cache, result, metrics)
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void admin_analytics_needs_the_admin_key() {
        client().get().uri("/api/v1/admin/analytics").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("admin-key-missing");
        client().get().uri("/api/v1/admin/analytics").header("X-Admin-Key", "guess").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("admin-key-invalid");
        client().get().uri("/api/v1/admin/analytics?days=0").header("X-Admin-Key", "test-admin-key").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("bad-input");
        client().get().uri("/api/v1/admin/analytics?days=abc").header("X-Admin-Key", "test-admin-key").exchange()
                .expectStatus().isBadRequest();
        client().get().uri("/api/v1/admin/no-such-report").header("X-Admin-Key", "test-admin-key").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void feedback_and_questions_reach_the_analytics_report__masked() {
        Opened c = open();
        ask(c, "补办社保卡要钱吗，我手机13812345678");
        client().post().uri("/api/v1/conversations/{id}/feedback", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message_id\": \"000002\", \"useful\": false, \"reason\": \"没讲清楚\"}")
                .exchange().expectStatus().isOk();
        client().post().uri("/api/v1/conversations/{id}/feedback", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"rating\": 1, \"comment\": \"不满意\"}")
                .exchange().expectStatus().isOk();

        String report = client().get().uri("/api/v1/admin/analytics?days=1").header("X-Admin-Key", "test-admin-key")
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(report).contains("\"totals\"", "\"by_domain_and_day\"", "\"top_questions\"", "\"knowledge_gaps\"",
                        "\"handoff_reasons\"", "\"badly_rated\"", "\"not_useful\"", "\"resolution_rate\"",
                        "补办社保卡要钱吗，我手机***********", "没讲清楚", "\"rating\":1")
                .doesNotContain("13812345678");
    }

    @Test
    void errors_outside_the_api_controllers_are_problem_json_too() {
        client().get().uri("/no/such/page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not-found")
                .jsonPath("$.detail_zh").isNotEmpty().jsonPath("$.trace").doesNotExist();
        client().post().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    /**
     * A load balancer or the widget's browser keeps one connection open for many requests. Health is answered off
     * the event loop, which is what used to strand a kept-alive connection after a few hundred requests.
     */
    @Test
    void one_kept_alive_connection_keeps_being_answered() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 600; i++) {
                String path = i % 3 == 0 ? "/actuator/health/readiness" : "/actuator/health";
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).as("response %d", i).startsWith("HTTP/1.1 200").contains("\"UP\"");
            }
        }
    }

    /** Clients that stall mid-request, or never read, hold their own connection and nothing else. */
    @Test
    void slow_and_stalled_clients_do_not_hold_up_anyone_else() throws IOException {
        List<Socket> stalled = new java.util.ArrayList<>();
        try {
            Opened c = open();
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket("127.0.0.1", port);
                String head = i % 2 == 0
                        // a message whose body never finishes arriving
                        ? "POST /api/v1/conversations/" + c.id() + "/messages HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nX-Conversation-Token: " + c.token()
                        + "\r\nContent-Length: 1000\r\n\r\n{\"text\": \"社保"
                        // an event stream whose reader never reads
                        : "GET /api/v1/conversations/" + c.id() + "/events?token=" + c.token() + " HTTP/1.1\r\n"
                        + "Host: x\r\nAccept: text/event-stream\r\n\r\n";
                s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                stalled.add(s);
            }

            for (int i = 0; i < 5; i++) {
                client().post().uri("/api/v1/conversations/{id}/messages", c.id())
                        .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("text", "社保卡丢了怎么补办")).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.reply.type").isEqualTo("answer");
            }
            client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    /** One HTTP/1.1 response with a Content-Length body, as text. */
    static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertThat(length.find()).as("Content-Length in %s", head).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
