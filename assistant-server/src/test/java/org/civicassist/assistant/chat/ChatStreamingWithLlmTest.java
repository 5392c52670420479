package org.civicassist.assistant.chat;

import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.llm.LlmHooks;
import org.civicassist.assistant.llm.LlmProperties;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.pipeline.Composer;
import org.civicassist.assistant.pipeline.FollowUpResolver;
import org.civicassist.assistant.testing.ModelStub;
import org.civicassist.assistant.testing.ModelWarmUp;
import org.civicassist.assistant.testing.TinyAssistant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streamed chat exchange with a language model (WireMock over real HTTP): {@code delta} events carry only
 * checked sentences of the written answer, the {@code reply} event carries the whole reply, and
 * {@code replaced: true} tells the client to replace what it showed when the written answer failed midway.
 */
class ChatStreamingWithLlmTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FEE_QUESTION = "补办社保卡要钱吗";

    static ModelStub model;
    static AssistantAssembly tiny;
    static WebTestClient client;

    @BeforeAll
    static void start() {
        model = new ModelStub();
        tiny = TinyAssistant.assemble();
        ModelWarmUp.warmUp(model, tiny);
        LlmHooks llm = LlmHooks.create(LlmProperties.of(model.baseUrl(), ModelStub.MODEL, ModelStub.API_KEY)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1))
                .withMaxRetries(0));
        Assistant assistant = new Assistant(tiny.nlp().understander(), tiny.knowledge(), new FollowUpResolver(),
                new Composer(), llm.rewriter(), llm.writer());
        ChatService chat = new ChatService(new InMemoryConversationStore(Duration.ofHours(1), Clock.systemUTC()),
                assistant, Clock.systemUTC(), new ChatService.Limits(200, 50), List.of());
        client = WebTestClient.bindToController(new ChatController(chat)).configureClient()
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stop() {
        model.close();
        tiny.close();
    }

    @BeforeEach
    void resetStub() {
        model.reset();
    }

    record Event(String name, String data) {
        JsonNode json() {
            return JSON.readTree(data);
        }
    }

    record Opened(String id, String token) {
    }

    static Opened open() {
        Map<?, ?> body = client.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Opened((String) body.get("id"), (String) body.get("token"));
    }

    static List<Event> streamed(Opened c, String text) {
        String body = client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                .header(ChatController.TOKEN_HEADER, c.token())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("text", text)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return parse(body);
    }

    /** Server-sent events as the EventSource of a browser reads them. */
    static List<Event> parse(String body) {
        List<Event> out = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = "message";
            List<String> data = new ArrayList<>();
            for (String line : block.split("\n", -1)) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                }
            }
            if (!data.isEmpty()) {
                out.add(new Event(name, String.join("\n", data)));
            }
        }
        return out;
    }

    static String deltas(List<Event> events) {
        return String.join("", events.stream().filter(e -> e.name().equals("delta")).map(Event::data).toList());
    }

    static Event last(List<Event> events) {
        return events.get(events.size() - 1);
    }

    @Test
    void a_written_answer_streams_sentence_by_sentence__then_the_whole_reply() {
        model.streams("补办社保卡需要", "交工本费20元。办", "理时请带好身份证。", "\n引用: 1");
        Opened c = open();

        List<Event> events = streamed(c, FEE_QUESTION);

        assertThat(events).extracting(Event::name).containsExactly("delta", "delta", "reply");
        assertThat(events.get(0).data()).isEqualTo("补办社保卡需要交工本费20元。");
        JsonNode reply = last(events).json();
        assertThat(reply.get("type").asString()).isEqualTo("answer");
        assertThat(reply.get("text").asString()).isEqualTo(deltas(events))
                .isEqualTo("补办社保卡需要交工本费20元。办理时请带好身份证。");
        assertThat(reply.get("replaced").asBoolean()).isFalse();
        assertThat(reply.get("citations").get(0).get("id").asString()).isEqualTo("faq-card-fee");
        client.get().uri("/api/v1/conversations/{id}", c.id()).header(ChatController.TOKEN_HEADER, c.token())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.messages[1].text").isEqualTo("补办社保卡需要交工本费20元。办理时请带好身份证。");
    }

    @Test
    void a_written_answer_that_fails_its_check_midway_is_replaced_by_the_extractive_one() {
        model.streams("办理时请带好身份证。", "补办社保卡需要交工本费", "50元。\n引用: 1");
        Opened c = open();

        List<Event> events = streamed(c, FEE_QUESTION);

        assertThat(events).extracting(Event::name).containsExactly("delta", "reply");
        assertThat(events.get(0).data()).isEqualTo("办理时请带好身份证。");
        JsonNode reply = last(events).json();
        assertThat(reply.get("replaced").asBoolean()).isTrue();
        assertThat(reply.get("type").asString()).isEqualTo("answer");
        assertThat(reply.get("text").asString()).contains("遗失补卡工本费 20 元").doesNotContain("50");
        client.get().uri("/api/v1/conversations/{id}", c.id()).header(ChatController.TOKEN_HEADER, c.token())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.messages[1].text").isEqualTo(reply.get("text").asString());
    }

    @Test
    void a_model_that_is_down_before_its_first_token_costs_nothing__the_extractive_answer_streams_as_usual() {
        model.respondsToAll(aResponse().withStatus(500));

        List<Event> events = streamed(open(), FEE_QUESTION);

        assertThat(events.size()).isGreaterThan(1);
        assertThat(last(events).name()).isEqualTo("reply");
        JsonNode reply = last(events).json();
        assertThat(reply.get("replaced").asBoolean()).isFalse();
        assertThat(reply.get("text").asString()).isEqualTo(deltas(events)).contains("遗失补卡工本费 20 元");
    }

    @Test
    void a_reply_that_is_not_an_answer_is_never_sent_to_the_model() {
        List<Event> events = streamed(open(), "我要投诉，你们办事太慢了");

        assertThat(last(events).json().get("type").asString()).isEqualTo("handoff");
        assertThat(last(events).json().get("replaced").asBoolean()).isFalse();
        assertThat(model.answerRequests()).isEmpty();
    }
}
