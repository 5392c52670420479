package org.civicassist.assistant;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.civicassist.assistant.chat.ChatService;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each reply is logged with its conversation, reply type, confidence and time as key-value fields — which
 * {@code logging.structured.format.console=ecs} (or {@code logstash}) writes as JSON fields — and never with the
 * citizen's text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEmbedderConfiguration.class)
class StructuredLogTest {

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    int port;
    final ListAppender<ILoggingEvent> events = new ListAppender<>();
    final Logger chatLog = (Logger) LoggerFactory.getLogger(ChatService.class);

    @BeforeEach
    void listen() {
        events.start();
        chatLog.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        chatLog.detachAppender(events);
    }

    @Test
    void a_reply_is_logged_with_its_conversation_as_fields_and_without_the_citizens_text() {
        WebClient http = WebClient.create("http://127.0.0.1:" + port);
        Map<String, Object> opened = http.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
                }).block(Duration.ofSeconds(10));
        String id = (String) opened.get("id");
        http.post().uri("/api/v1/conversations/{id}/messages", id)
                .header("X-Conversation-Token", (String) opened.get("token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "社保卡丢了怎么补办"))
                .retrieve().toBodilessEntity().block(Duration.ofSeconds(10));

        List<ILoggingEvent> replies = events.list.stream()
                .filter(e -> e.getKeyValuePairs() != null && e.getKeyValuePairs().stream()
                        .anyMatch(kv -> kv.key.equals("conversation") && id.equals(kv.value)))
                .toList();
        assertThat(replies).hasSize(1);
        Map<String, Object> fields = replies.get(0).getKeyValuePairs().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
        assertThat(fields).containsEntry("reply", "answer").containsKeys("confidence", "elapsed_ms");
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("社保卡丢了怎么补办"));
        assertThat(replies.get(0).getKeyValuePairs()).extracting((KeyValuePair kv) -> String.valueOf(kv.value))
                .noneMatch(v -> v.contains("社保卡"));
    }
}
