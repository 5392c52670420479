package org.civicassist.eval.run;

import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A running server, through the public chat API: one conversation per question (or dialogue). */
public final class HttpRespondent implements Respondent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpRespondent(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return "assistant (" + endpoint + ")";
    }

    @Override
    public Conversation open() {
        return new HttpConversation();
    }

    /** One conversation on the server, opened at the first message; its id and token carry every later one. */
    private final class HttpConversation implements Conversation {
        private String id;
        private String token;

        @Override
        public Outcome say(String text) {
            try {
                if (id == null) {
                    JsonNode opened = post("/api/v1/conversations", null, "{}");
                    id = opened.required("id").asString();
                    token = opened.required("token").asString();
                }
                String body = JSON.writeValueAsString(Map.of("text", text));
                long start = System.nanoTime();
                JsonNode reply = post("/api/v1/conversations/" + id + "/messages", token, body).required("reply");
                return outcome(reply, System.nanoTime() - start);
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach " + endpoint + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** The reply object of API.md; {@code options} is absent when the reply offers none. */
    static Outcome outcome(JsonNode reply, long nanos) {
        List<Outcome.Cited> citations = new ArrayList<>();
        reply.required("citations").forEach(c -> citations.add(cited(c)));
        List<Outcome.Option> options = new ArrayList<>();
        reply.path("options").forEach(o -> options.add(new Outcome.Option(cited(o), o.required("text").asString())));
        return new Outcome(reply.required("type").asString(), citations, reply.path("confidence").asDouble(),
                List.of(), nanos, null, options);
    }

    private static Outcome.Cited cited(JsonNode item) {
        JsonNode section = item.get("section");
        return new Outcome.Cited(item.required("id").asString(),
                section == null || section.isNull() ? null : section.asString());
    }

    private JsonNode post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("X-Conversation-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from " + path + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
