package org.civicassist.assistant;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.civicassist.assistant.testing.ModelStub;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole application over the tiny KB with a language model (WireMock over real HTTP) and the OpenAI-compatible
 * endpoint enabled: LangChain4j's own OpenAI clients talk to the assistant; the chat API answers with written,
 * checked answers; no API key is ever logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEmbedderConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class LlmApplicationTest {

    static final String ENDPOINT_KEY = "ca-endpoint-key-4711";
    static final String GROUNDED = "补办社保卡需要交工本费20元。办理时请带好身份证。\n引用: 1";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ModelStub model = new ModelStub();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
        registry.add("assistant.llm.enabled", () -> "true");
        registry.add("assistant.llm.base-url", model::baseUrl);
        registry.add("assistant.llm.api-key", () -> ModelStub.API_KEY);
        registry.add("assistant.llm.model", () -> ModelStub.MODEL);
        registry.add("assistant.llm.first-token-timeout", () -> "2s");
        registry.add("assistant.llm.total-timeout", () -> "5s");
        registry.add("assistant.openai.api-keys", () -> "ca-other-key," + ENDPOINT_KEY);
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void resetModel() {
        model.reset();
        model.writes(GROUNDED);
    }

    String v1() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    OpenAiChatModel client(String key) {
        return OpenAiChatModel.builder().baseUrl(v1()).apiKey(key).modelName("civic-assistant")
                .timeout(Duration.ofSeconds(20)).maxRetries(0).build();
    }

    @Test
    void langchain4j_openai_chat_model_gets_the_written_answer_with_its_sources() {
        String answer = client(ENDPOINT_KEY).chat("补办社保卡要钱吗");

        assertThat(answer).startsWith("补办社保卡需要交工本费20元。办理时请带好身份证。")
                .contains("来源：", "补办社保卡要钱吗？");
    }

    @Test
    void langchain4j_openai_chat_model_carries_the_conversation() {
        model.rewritesTo("补办社保卡要钱吗");

        ChatResponse response = client(ENDPOINT_KEY).chat(ChatRequest.builder().messages(
                UserMessage.from("社保卡丢了怎么补办"), AiMessage.from("先挂失，再带身份证到窗口补领。"),
                UserMessage.from("那要交钱吗")).build());

        // the model's answer (the KB words the fee otherwise: "遗失补卡工本费 20 元"), with the fee FAQ as its source
        assertThat(response.aiMessage().text()).startsWith("补办社保卡需要交工本费20元。办理时请带好身份证。")
                .contains("来源：", "补办社保卡要钱吗？");
        assertThat(model.answerRequests()).hasSize(1);
        assertThat(model.rewriteRequests()).as("the earlier message is the follow-up's context").singleElement()
                .satisfies(r -> assertThat(r.body()).contains("社会保障卡补领", "那要交钱吗"));
    }

    @Test
    void langchain4j_openai_streaming_chat_model_gets_the_same_answer_in_pieces() throws Exception {
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(v1()).apiKey(ENDPOINT_KEY)
                .modelName("civic-assistant").timeout(Duration.ofSeconds(20)).build();
        StringBuilder partials = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        streaming.chat("补办社保卡要钱吗", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(30, TimeUnit.SECONDS);

        assertThat(partials.toString()).startsWith("补办社保卡需要交工本费20元。办理时请带好身份证。").contains("来源：");
        assertThat(response.aiMessage().text()).isEqualTo(partials.toString());
        assertThat(ModelStub.streamed(model.answerRequests().get(0))).as("the model was asked for a stream").isTrue();
    }

    @Test
    void langchain4j_client_with_a_wrong_key_is_refused() {
        assertThatThrownBy(() -> client("ca-wrong").chat("补办社保卡要钱吗"))
                .isInstanceOf(AuthenticationException.class);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_chat_api_answers_with_the_written_answer() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        Map<String, Object> opened = web.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isCreated().expectBody(JSON).returnResult()
                .getResponseBody();

        Map<String, Object> reply = (Map<String, Object>) web.post()
                .uri("/api/v1/conversations/{id}/messages", opened.get("id"))
                .header("X-Conversation-Token", (String) opened.get("token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "补办社保卡要钱吗"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("reply");

        assertThat(reply).containsEntry("type", "answer")
                .containsEntry("text", "补办社保卡需要交工本费20元。办理时请带好身份证。");
        assertThat(((List<Map<String, Object>>) reply.get("citations")).get(0)).containsEntry("id", "faq-card-fee");
        assertThat(model.answerRequests().get(0).authorization()).isEqualTo("Bearer " + ModelStub.API_KEY);
    }

    @Test
    void counts_how_each_use_of_the_model_ended_on_prometheus() {
        client(ENDPOINT_KEY).chat("补办社保卡要钱吗");

        String metrics = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).containsPattern("assistant_llm_calls_total\\{[^}]*outcome=\"used\",use=\"answer\"")
                .contains("assistant_llm_circuit_open 0.0");
    }

    @Test
    void no_api_key_is_ever_logged(CapturedOutput output) {
        client(ENDPOINT_KEY).chat("补办社保卡要钱吗");

        assertThat(output.getAll()).contains("Language model " + ModelStub.MODEL)
                .doesNotContain(ModelStub.API_KEY, ENDPOINT_KEY);
    }
}
