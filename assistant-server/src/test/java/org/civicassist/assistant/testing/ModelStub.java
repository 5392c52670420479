package org.civicassist.assistant.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * An OpenAI-compatible chat model stubbed with WireMock over real HTTP: answers plain ({@code stream} off) or as
 * server-sent chunks ({@code stream: true}), rewrites follow-ups, fails, stalls or returns garbage on demand.
 * Requests for a rewrite are told apart by their system message.
 */
public final class ModelStub implements AutoCloseable {

    public static final String MODEL = "stub-model";
    public static final String API_KEY = "sk-test-0123456789";
    private static final String PATH = "/v1/chat/completions";
    private static final String REWRITE_MARK = "改写成一个完整、独立的问题";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as the stub received it. */
    public record Received(String body, String authorization) {
    }

    /**
     * Requests recorded as soon as they are matched: WireMock's own journal logs a request once its response is
     * sent, after the client may already have moved on (and a delayed one into a later test).
     */
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort()
            .containerThreads(20).jettyStopTimeout(1000L)
            .extensions(new ServeEventListener() {
                @Override
                public String getName() {
                    return "record-received";
                }

                @Override
                public void afterMatch(ServeEvent event, Parameters parameters) {
                    received.add(new Received(event.getRequest().getBodyAsString(),
                            event.getRequest().getHeader("Authorization")));
                }
            }));

    public ModelStub() {
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.port() + "/v1";
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
        received.clear();
    }

    /** Forgets the requests received so far, keeps the stubs. */
    public void forgetRequests() {
        received.clear();
    }

    /** Plain (not streamed) answers. */
    public void answers(String content) {
        server.stubFor(answerRequest(false).willReturn(json(completion(content))));
    }

    /** Plain answers, each after a delay (a slow model). */
    public void answersAfter(String content, int delayMillis) {
        server.stubFor(answerRequest(false).willReturn(json(completion(content)).withFixedDelay(delayMillis)));
    }

    /** Streamed answers, one chunk per token. */
    public void streams(String... tokens) {
        server.stubFor(answerRequest(true).willReturn(sse(tokens)));
    }

    /** Answers both ways with the same text (streamed in pieces of a few characters). */
    public void writes(String content) {
        answers(content);
        streams(split(content, 4));
    }

    /** Rewrite requests answer so. */
    public void rewritesTo(String question) {
        rewritesTo(question, 0);
    }

    /** Rewrite requests answer so, after a delay. */
    public void rewritesTo(String question, int delayMillis) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(containing(REWRITE_MARK))
                .willReturn(json(completion(question)).withFixedDelay(delayMillis)));
    }

    /** Every request gets this response (failures, delays, garbage). */
    public void respondsToAll(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(9).willReturn(response));
    }

    /** The answer requests (not rewrites) received. */
    public List<Received> answerRequests() {
        return received.stream().filter(r -> !r.body().contains(REWRITE_MARK)).toList();
    }

    public List<Received> rewriteRequests() {
        return received.stream().filter(r -> r.body().contains(REWRITE_MARK)).toList();
    }

    public int requestCount() {
        return received.size();
    }

    /** Whether the request asked for a stream. */
    public static boolean streamed(Received request) {
        JsonNode stream = JSON.readTree(request.body()).get("stream");
        return stream != null && stream.asBoolean();
    }

    /** The messages of a request: role → content, in order. */
    public static List<Map.Entry<String, String>> messages(Received request) {
        JsonNode body = JSON.readTree(request.body());
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (JsonNode m : body.get("messages")) {
            out.add(Map.entry(m.get("role").asString(), m.get("content").asString()));
        }
        return out;
    }

    private static MappingBuilder answerRequest(boolean stream) {
        // a streamed request matches the more specific stub first
        return stream ? post(urlEqualTo(PATH)).atPriority(4)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : post(urlEqualTo(PATH)).atPriority(5);
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder sse(String... tokens) {
        StringBuilder body = new StringBuilder();
        for (String token : tokens) {
            body.append("data: ").append(chunk(Map.of("content", token), null)).append("\n\n");
        }
        body.append("data: ").append(chunk(Map.of(), "stop")).append("\n\n");
        body.append("data: [DONE]\n\n");
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    public static String completion(String content) {
        Map<String, Object> message = Map.of("role", "assistant", "content", content);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-stub");
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000);
        body.put("model", MODEL);
        body.put("choices", List.of(Map.of("index", 0, "message", message, "finish_reason", "stop")));
        body.put("usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20));
        return JSON.writeValueAsString(body);
    }

    private static String chunk(Map<String, Object> delta, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finish);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-stub");
        body.put("object", "chat.completion.chunk");
        body.put("created", 1_700_000_000);
        body.put("model", MODEL);
        body.put("choices", List.of(choice));
        return JSON.writeValueAsString(body);
    }

    /** The text in pieces of {@code n} characters, as a model streams it. */
    public static String[] split(String text, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += n) {
            out.add(text.substring(i, Math.min(text.length(), i + n)));
        }
        return out.toArray(String[]::new);
    }

    @Override
    public void close() {
        server.stop();
    }
}
