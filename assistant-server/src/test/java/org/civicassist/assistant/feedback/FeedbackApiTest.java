package org.civicassist.assistant.feedback;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.civicassist.assistant.chat.ChatController;
import org.civicassist.assistant.chat.ChatSliceConfiguration;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/conversations/{id}/feedback}: both shapes, stored with the conversation, validated, counted. */
@WebFluxTest(controllers = {ChatController.class, FeedbackController.class})
@Import(ChatSliceConfiguration.class)
class FeedbackApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;
    @Autowired
    ConversationStore store;
    @Autowired
    SimpleMeterRegistry registry;

    String id;
    String token;

    @BeforeEach
    void openAndAsk() {
        Map<String, Object> opened = client.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        id = (String) opened.get("id");
        token = (String) opened.get("token");
        client.post().uri("/api/v1/conversations/{id}/messages", id).header("X-Conversation-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"补办社保卡要钱吗\"}")
                .exchange().expectStatus().isOk();
    }

    WebTestClient.ResponseSpec feedback(String json) {
        return client.post().uri("/api/v1/conversations/{id}/feedback", id).header("X-Conversation-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    void rejected(String json, int status, String code) {
        feedback(json).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.detail_zh").isNotEmpty().jsonPath("$.detail_en").isNotEmpty();
    }

    Conversation stored() {
        return store.find(id).block();
    }

    double counter(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void records_a_verdict_on_a_reply__latest_verdict_wins() {
        double before = counter("assistant.feedback.replies", "useful", "false");

        feedback("{\"message_id\": \"000002\", \"useful\": true}").expectStatus().isOk()
                .expectBody().json("{\"recorded\": \"reply\", \"message_id\": \"000002\", \"useful\": true}");
        feedback("{\"message_id\": \"000002\", \"useful\": false, \"reason\": \"没有说要带什么材料\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.useful").isEqualTo(false).jsonPath("$.rating").doesNotExist();

        assertThat(stored().feedback()).singleElement().satisfies(f -> {
            assertThat(f.messageId()).isEqualTo("000002");
            assertThat(f.useful()).isFalse();
            assertThat(f.reason()).contains("没有说要带什么材料");
        });
        assertThat(counter("assistant.feedback.replies", "useful", "false")).isEqualTo(before + 1);
    }

    @Test
    void records_a_rating_of_the_conversation_with_its_label() {
        double before = counter("assistant.feedback.ratings", "rating", "1");

        feedback("{\"rating\": 1, \"comment\": \"答非所问\"}").expectStatus().isOk()
                .expectBody().json("{\"recorded\": \"conversation\", \"rating\": 1, \"rating_label\": \"非常不满意\"}");
        feedback("{\"rating\": 5}").expectStatus().isOk()
                .expectBody().jsonPath("$.rating_label").isEqualTo("非常满意");

        assertThat(stored().rating()).hasValueSatisfying(r -> {
            assertThat(r.rating()).isEqualTo(5);
            assertThat(r.comment()).isEmpty();
        });
        assertThat(counter("assistant.feedback.ratings", "rating", "1")).isEqualTo(before + 1);
    }

    @Test
    void rejects_feedback_on_a_message_that_is_not_an_assistant_reply() {
        rejected("{\"message_id\": \"000001\", \"useful\": false}", 400, "unknown-message");
        rejected("{\"message_id\": \"999999\", \"useful\": false}", 400, "unknown-message");
        assertThat(stored().feedback()).isEmpty();
    }

    @Test
    void rejects_incomplete_or_mixed_feedback() {
        rejected("{\"message_id\": \"000002\"}", 400, "bad-input");
        rejected("{\"useful\": true}", 400, "bad-input");
        rejected("{}", 400, "bad-input");
        rejected("{\"message_id\": \"000002\", \"useful\": true, \"rating\": 4}", 400, "bad-input");
        rejected("{\"comment\": \"很好\"}", 400, "bad-input");
    }

    @Test
    void rejects_a_rating_outside_one_to_five_or_not_whole() {
        rejected("{\"rating\": 0}", 400, "bad-input");
        rejected("{\"rating\": 6}", 400, "bad-input");
        rejected("{\"rating\": 3.5}", 400, "bad-input");
        rejected("{\"rating\": \"很好\"}", 400, "malformed-request");
        rejected("{\"message_id\": \"000002\", \"useful\": \"也许\"}", 400, "malformed-request");
        assertThat(stored().rating()).isEmpty();
    }

    @Test
    void rejects_an_over_long_reason_or_comment_with_413() {
        String tooLong = "慢".repeat(ChatSliceConfiguration.MAX_FEEDBACK_LENGTH + 1);

        rejected("{\"message_id\": \"000002\", \"useful\": false, \"reason\": \"" + tooLong + "\"}", 413,
                "feedback-too-long");
        rejected("{\"rating\": 2, \"comment\": \"" + tooLong + "\"}", 413, "feedback-too-long");
    }

    @Test
    void guards_feedback_with_the_conversation_token() {
        client.post().uri("/api/v1/conversations/{id}/feedback", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rating\": 5}").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/conversations/{id}/feedback", id).header("X-Conversation-Token", "forged")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"rating\": 5}").exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/v1/conversations/{id}/feedback", "unknown").header("X-Conversation-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"rating\": 5}").exchange()
                .expectStatus().isNotFound();
        rejected("{\"rating\": ", 400, "malformed-request");
        assertThat(stored().rating()).isEmpty();
    }
}
