package org.civicassist.eval.run;

import org.civicassist.eval.question.Question;
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

/** A running server, through the public chat API: one conversation per question. */
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
    public Outcome ask(Question question) {
        try {
            JsonNode opened = post("/api/v1/conversations", null, "{}");
            String id = opened.required("id").asString();
            String token = opened.required("token").asString();
            JsonNode reply = null;
            long nanos = 0;
            for (String turn : question.turns()) {
                String body = JSON.writeValueAsString(java.util.Map.of("text", turn));
                long start = System.nanoTime();
                reply = post("/api/v1/conversations/" + id + "/messages", token, body).required("reply");
                nanos = System.nanoTime() - start;
            }
            List<Outcome.Cited> citations = new ArrayList<>();
            reply.required("citations").forEach(c -> citations.add(new Outcome.Cited(c.required("id").asString(),
                    c.get("section") == null || c.get("section").isNull() ? null : c.get("section").asString())));
            return new Outcome(reply.required("type").asString(), citations, reply.path("confidence").asDouble(),
                    List.of(), nanos, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
