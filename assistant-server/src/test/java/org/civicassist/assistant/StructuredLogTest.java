package org.civicassist.assistant;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With structured logging on, each reply is one JSON log line carrying its conversation id, not the question. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTest {

    @Test
    void a_reply_is_logged_as_json_with_its_conversation_and_without_the_citizens_text(CapturedOutput output) {
        List<String> args = new ArrayList<>();
        TinyKbProperties.of(TinyKbProperties.directory()).forEach(p -> args.add("--" + p));
        args.add("--logging.structured.format.console=ecs");
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            WebClient http = WebClient.create("http://127.0.0.1:" + port);
            Map<String, Object> opened = http.post().uri("/api/v1/conversations")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").retrieve()
                    .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
                    }).block(Duration.ofSeconds(10));
            String id = (String) opened.get("id");
            http.post().uri("/api/v1/conversations/{id}/messages", id)
                    .header("X-Conversation-Token", (String) opened.get("token"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "社保卡丢了怎么补办"))
                    .retrieve().toBodilessEntity().block(Duration.ofSeconds(10));

            JsonMapper json = JsonMapper.builder().build();
            List<JsonNode> replies = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains(id))
                    .map(json::readTree).toList();
            assertThat(replies).hasSize(1);
            JsonNode line = replies.get(0);
            assertThat(line.path("conversation").asString()).isEqualTo(id);
            assertThat(line.path("reply").asString()).isEqualTo("answer");
            assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(output.getOut()).doesNotContain("社保卡丢了怎么补办");
        }
    }
}
