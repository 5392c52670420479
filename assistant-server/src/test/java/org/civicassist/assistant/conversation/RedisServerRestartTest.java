package org.civicassist.assistant.conversation;

import org.civicassist.assistant.AssistantApplication;
import org.civicassist.assistant.testing.RedisServerExtension;
import org.civicassist.assistant.testing.Eventually;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.civicassist.assistant.testing.RedisServer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances in turn (and at once) on one real Redis: what one acknowledged, the next one serves;
 * and the faults of Redis itself: a crash mid-conversation, and an application started before Redis.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisServerRestartTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final Path kb = TinyKbProperties.directory();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    @TempDir
    Path redisDir;

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext startServer() {
        List<String> properties = new ArrayList<>(TinyKbProperties.of(kb));
        properties.add("spring.data.redis.url=" + redis.url());
        properties.add("assistant.privacy.contact-key=" + org.civicassist.assistant.testing.ContactKeys.ofThisRun());
        // as command-line arguments, which outrank application.yml (default properties would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        running.add(context);
        return context;
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void a_conversation_survives_a_server_restart() {
        // given: a conversation with one exchange on the first server
        ConfigurableApplicationContext first = startServer();
        assertThat(first.getBean(ConversationStore.class)).isInstanceOf(RedisConversationStore.class);
        Map<String, Object> opened = client(first).post().uri("/api/v1/conversations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String id = (String) opened.get("id");
        String token = (String) opened.get("token");
        client(first).post().uri("/api/v1/conversations/{id}/messages", id).header("X-Conversation-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"办护照要多久\"}").exchange()
                .expectStatus().isOk();
        client(first).post().uri("/api/v1/conversations/{id}/feedback", id).header("X-Conversation-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"rating\": 4}").exchange()
                .expectStatus().isOk();

        // when: the server stops and another starts on the same Redis
        first.close();
        ConfigurableApplicationContext second = startServer();

        // then
        client(second).get().uri("/api/v1/conversations/{id}", id).header("X-Conversation-Token", token)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.messages.length()").isEqualTo(2)
                .jsonPath("$.messages[0].text").isEqualTo("办护照要多久")
                .jsonPath("$.messages[1].reply.type").exists();
        client(second).get().uri("/api/v1/conversations/{id}", id).header("X-Conversation-Token", "forged")
                .exchange().expectStatus().isForbidden();
        Conversation stored = second.getBean(ConversationStore.class).find(id).block();
        assertThat(stored.rating()).hasValueSatisfying(r -> assertThat(r.rating()).isEqualTo(4));
    }

    @Test
    void two_servers_at_once_serve_the_same_conversation() {
        ConfigurableApplicationContext a = startServer();
        ConfigurableApplicationContext b = startServer();
        Map<String, Object> opened = client(a).post().uri("/api/v1/conversations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String id = (String) opened.get("id");
        String token = (String) opened.get("token");

        client(b).post().uri("/api/v1/conversations/{id}/messages", id).header("X-Conversation-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"补办社保卡要钱吗\"}").exchange()
                .expectStatus().isOk();

        client(a).get().uri("/api/v1/conversations/{id}", id).header("X-Conversation-Token", token)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.messages[0].text").isEqualTo("补办社保卡要钱吗");
    }

    @Test
    void while_redis_is_down_requests_fail_fast_with_503__it_returns_with_every_acknowledged_message() {
        ConfigurableApplicationContext server = startServer();
        WebTestClient http = client(server).mutate().responseTimeout(Duration.ofSeconds(15)).build();
        Map<String, Object> opened = http.post().uri("/api/v1/conversations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String id = (String) opened.get("id");
        String token = (String) opened.get("token");
        List<String> acknowledged = new ArrayList<>();
        for (String text : List.of("办护照要多久", "社保卡丢了怎么补办", "补办社保卡要钱吗")) {
            say(http, id, token, text).expectStatus().isOk();
            acknowledged.add(text);
        }

        // when: Redis crashes (SIGKILL, nothing saved on the way out) mid-conversation
        redis.server().kill();
        try {
            say(http, id, token, "这条发不出去")
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        } finally {
            redis.server().restart();
        }

        // then: it replays its append-only file; every acknowledged message is there, and the conversation goes on
        say(http, id, token, "办护照要多久").expectStatus().isOk();
        acknowledged.add("办护照要多久");
        List<Map<String, Object>> messages = (List<Map<String, Object>>) http.get()
                .uri("/api/v1/conversations/{id}", id).header("X-Conversation-Token", token).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("messages");
        assertThat(messages.stream().filter(m -> "citizen".equals(m.get("author"))).map(m -> m.get("text")))
                .containsExactlyElementsOf(acknowledged);
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void started_while_redis_is_unreachable__it_is_alive_but_not_ready__and_says_why_until_redis_comes(
            CapturedOutput output) {
        // given: a Redis that is not running yet, on a known port
        RedisServer later = RedisServer.start(redisDir.resolve("late"));
        later.stop();
        try {
            List<String> properties = new ArrayList<>(TinyKbProperties.of(kb));
            properties.add("spring.data.redis.url=" + later.url());
            properties.add("assistant.privacy.contact-key=" + org.civicassist.assistant.testing.ContactKeys.ofThisRun());
            ConfigurableApplicationContext server = new SpringApplicationBuilder(AssistantApplication.class,
                    TestEmbedderConfiguration.class).run(properties.stream().map(p -> "--" + p)
                    .toArray(String[]::new));
            running.add(server);
            WebTestClient http = client(server).mutate().responseTimeout(Duration.ofSeconds(15)).build();

            // then
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
            http.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            Eventually.waitUntil(Duration.ofSeconds(30),
                    () -> output.getOut().contains("Redis at " + later.url() + " is unreachable"));

            // when: Redis comes
            later.restart();

            // then
            Eventually.waitUntil(Duration.ofSeconds(30), () -> http.get().uri("/actuator/health/readiness")
                    .exchange().returnResult(String.class).getStatus().value() == 200);
            http.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isCreated();
        } finally {
            later.stop();
        }
    }

    private static WebTestClient.ResponseSpec say(WebTestClient http, String id, String token, String text) {
        return http.post().uri("/api/v1/conversations/{id}/messages", id).header("X-Conversation-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text)).exchange();
    }

}
