package org.civicassist.assistant.chat;

import org.civicassist.assistant.feedback.FeedbackController;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen chat API as a WebFlux slice over the real services and the tiny KB: the happy path, and every error
 * as {@code application/problem+json} with a Chinese and an English detail, never a stack trace.
 */
@WebFluxTest(controllers = {ChatController.class, FeedbackController.class})
@Import(ChatSliceConfiguration.class)
class ChatApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient client;

    record Opened(String id, String token) {
    }

    Opened open() {
        Map<String, Object> body = client.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return new Opened((String) body.get("id"), (String) body.get("token"));
    }

    WebTestClient.ResponseSpec send(Opened c, String json) {
        return client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                .header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** Asserts the RFC 9457 shape and returns the body. */
    static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status, String code) {
        Map<String, Object> body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(body).containsEntry("status", status).containsEntry("code", code)
                .containsEntry("type", "https://civicassist.org/problems/" + code)
                .containsKeys("title", "detail", "instance", "detail_zh", "detail_en");
        assertThat((String) body.get("detail_zh")).as("a Chinese detail").containsPattern("\\p{IsHan}");
        assertThat((String) body.get("detail_en")).as("an English detail").containsPattern("[A-Za-z]{3,}")
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(body.toString()).doesNotContain("Exception", "at org.", "at java.", "trace");
        return body;
    }

    @Nested
    class Happy_path {

        @Test
        void opens_a_conversation__asks__and_reads_the_transcript() {
            Opened c = open();

            Map<String, Object> reply = (Map<String, Object>) send(c, "{\"text\": \"社保卡丢了怎么补办\"}")
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody(JSON).returnResult().getResponseBody().get("reply");

            assertThat(reply.get("type")).isIn("answer", "clarify", "handoff");
            assertThat((String) reply.get("text")).isNotBlank();
            assertThat(reply).containsKeys("citations", "confidence", "suggestions");

            client.get().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.id").isEqualTo(c.id())
                    .jsonPath("$.state").isEqualTo(reply.get("type").equals("handoff") ? "waiting" : "bot")
                    .jsonPath("$.messages.length()").isEqualTo(2)
                    .jsonPath("$.messages[0].author").isEqualTo("citizen")
                    .jsonPath("$.messages[0].text").isEqualTo("社保卡丢了怎么补办")
                    .jsonPath("$.messages[1].author").isEqualTo("assistant")
                    .jsonPath("$.messages[1].reply.type").isEqualTo(reply.get("type"));
        }

        @Test
        void the_stored_transcript_holds_the_message_with_personal_data_masked() {
            Opened c = open();

            send(c, "{\"text\": \"我身份证号是110101199001011234 手机13800138000 社保卡丢了\"}").expectStatus().isOk();

            String stored = client.get().uri("/api/v1/conversations/{id}", c.id())
                    .header("X-Conversation-Token", c.token()).exchange().expectStatus().isOk()
                    .expectBody(JSON).returnResult().getResponseBody().toString();
            assertThat(stored).contains("社保卡丢了").doesNotContain("110101199001011234", "13800138000",
                    "0101199001", "0013800");
        }

        @Test
        void opens_a_conversation_without_a_body() {
            client.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.id").isNotEmpty().jsonPath("$.token").isNotEmpty();
        }

        @Test
        void streams_the_reply_as_server_sent_events_ending_with_the_whole_reply() {
            Opened c = open();

            String events = client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                    .header("X-Conversation-Token", c.token())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue("{\"text\": \"办护照要多久\"}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();

            assertThat(events).contains("event:delta").contains("event:reply");
            assertThat(events.lastIndexOf("event:reply")).isGreaterThan(events.lastIndexOf("event:delta"));
        }
    }

    @Nested
    class Errors {

        @Test
        void unknown_conversation_is_404() {
            problem(client.get().uri("/api/v1/conversations/{id}", "0123456789abcdef0123456789abcdef")
                    .header("X-Conversation-Token", "whatever").exchange(), 404, "conversation-not-found");
            problem(client.post().uri("/api/v1/conversations/{id}/messages", "nope")
                    .header("X-Conversation-Token", "whatever").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"text\": \"你好\"}").exchange(), 404, "conversation-not-found");
            problem(client.get().uri("/api/v1/conversations/{id}", "x".repeat(5000))
                    .header("X-Conversation-Token", "whatever").exchange(), 404, "conversation-not-found");
        }

        @Test
        void missing_token_is_401() {
            Opened c = open();

            problem(client.get().uri("/api/v1/conversations/{id}", c.id()).exchange(), 401, "token-missing");
            problem(client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"你好\"}").exchange(),
                    401, "token-missing");
        }

        @Test
        void wrong_token_is_403__even_the_token_of_another_conversation() {
            Opened c = open();
            Opened other = open();

            problem(client.get().uri("/api/v1/conversations/{id}", c.id())
                    .header("X-Conversation-Token", other.token()).exchange(), 403, "token-invalid");
            problem(send(new Opened(c.id(), "forged"), "{\"text\": \"你好\"}"), 403, "token-invalid");
        }

        @Test
        void empty_text_is_400() {
            Opened c = open();

            problem(send(c, "{\"text\": \"\"}"), 400, "bad-input");
            problem(send(c, "{\"text\": \"   \"}"), 400, "bad-input");
            problem(send(c, "{}"), 400, "bad-input");
        }

        @Test
        void over_long_text_is_413__counting_characters_not_bytes() {
            Opened c = open();
            String atLimit = "社".repeat(ChatSliceConfiguration.MAX_MESSAGE_LENGTH);

            send(c, "{\"text\": \"" + atLimit + "\"}").expectStatus().isOk();
            Map<String, Object> body = problem(send(c, "{\"text\": \"" + atLimit + "保\"}"), 413, "message-too-long");
            assertThat((String) body.get("detail_en")).contains(Integer.toString(
                    ChatSliceConfiguration.MAX_MESSAGE_LENGTH));
        }

        @Test
        void a_body_beyond_the_codec_limit_is_413() {
            Opened c = open();

            problem(send(c, "{\"text\": \"" + "社".repeat(200_000) + "\"}"), 413, "request-too-large");
        }

        @Test
        void a_conversation_at_its_maximum_length_takes_no_more_messages() {
            Opened c = open();
            for (int i = 0; i < ChatSliceConfiguration.MAX_ENTRIES / 2; i++) {
                Map<String, Object> reply = (Map<String, Object>) send(c, "{\"text\": \"补办社保卡要钱吗\"}")
                        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("reply");
                assertThat(reply).isNotNull();
            }

            problem(send(c, "{\"text\": \"补办社保卡要钱吗\"}"), 409, "conversation-full");
        }

        @Test
        void malformed_json_is_400__without_parser_details() {
            Opened c = open();

            Map<String, Object> body = problem(send(c, "{\"text\": \"社保卡"), 400, "malformed-request");
            assertThat(body.toString()).doesNotContain("line:", "column", "JSON parse", "Failed to read");
            problem(send(c, "{\"text\": [\"a\"]}"), 400, "malformed-request");
            problem(send(c, "not json at all"), 400, "malformed-request");
        }

        @Test
        void empty_body_is_400() {
            Opened c = open();

            problem(client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                    .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                    .exchange(), 400, "bad-input");
        }

        @Test
        void wrong_content_type_is_415__saying_what_is_accepted() {
            Opened c = open();

            problem(client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                    .header("X-Conversation-Token", c.token()).contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("社保卡丢了").exchange(), 415, "unsupported-media-type");
            client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                    .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_XML)
                    .bodyValue("<text>社保卡</text>").exchange()
                    .expectStatus().isEqualTo(415)
                    .expectHeader().value(HttpHeaders.ACCEPT, accept -> assertThat(accept).contains("application/json"));
        }

        @Test
        void unacceptable_response_type_is_406__still_as_problem_json() {
            Opened c = open();

            problem(client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                    .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_XML).bodyValue("{\"text\": \"你好\"}").exchange(),
                    406, "not-acceptable");
        }

        @Test
        void unknown_route_is_404() {
            problem(client.get().uri("/api/v1/no-such-thing").exchange(), 404, "not-found");
            problem(client.get().uri("/api/v1/no-such-thing").accept(MediaType.TEXT_HTML).exchange(), 404,
                    "not-found");
        }

        @Test
        void wrong_method_is_405__with_the_allowed_methods() {
            Opened c = open();

            problem(client.delete().uri("/api/v1/conversations/{id}", c.id()).exchange(), 405, "method-not-allowed");
            client.put().uri("/api/v1/conversations/{id}/messages", c.id()).exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("POST"));
        }
    }
}
