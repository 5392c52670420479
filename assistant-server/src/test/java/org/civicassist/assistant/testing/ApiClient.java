package org.civicassist.assistant.testing;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The citizen and staff APIs of one running server, over real HTTP, for handoff tests. */
public final class ApiClient {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    public static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {
            };

    private final String baseUrl;
    private final WebTestClient client;

    public ApiClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebTestClient http() {
        return client;
    }

    public record Citizen(String id, String token) {
    }

    public Citizen open() {
        Map<String, Object> body = client.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return new Citizen((String) body.get("id"), (String) body.get("token"));
    }

    /** The reply object of a citizen message. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> say(Citizen c, String text) {
        return (Map<String, Object>) client.post().uri("/api/v1/conversations/{id}/messages", c.id())
                .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("reply");
    }

    /** The widget's 转人工 button, without a message: the reply object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> handoff(Citizen c) {
        return (Map<String, Object>) client.post().uri("/api/v1/conversations/{id}/handoff", c.id())
                .header("X-Conversation-Token", c.token()).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("reply");
    }

    public Map<String, Object> conversation(Citizen c) {
        return client.get().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** A staff login token. */
    public String login(String username, String password) {
        Map<String, Object> body = client.post().uri("/api/v1/staff/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    public void createAccount(String adminToken, String username, String password, String displayName) {
        client.post().uri("/api/v1/staff/accounts").header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password, "roles", List.of("STAFF"),
                        "display_name", displayName))
                .exchange().expectStatus().isCreated();
    }

    /** Logs in as the staff member, creating the account (with the administrator's token) the first time. */
    public String staff(String adminToken, String username, String displayName) {
        String password = username + "-password-1";
        int status = client.post().uri("/api/v1/staff/accounts").header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password, "roles", List.of("STAFF"),
                        "display_name", displayName))
                .exchange().returnResult(Void.class).getStatus().value();
        if (status != 201 && status != 409) {
            throw new AssertionError("cannot create staff account " + username + ": " + status);
        }
        return login(username, password);
    }

    /** Logs in as a maintainer (role MAINTAINER), creating the account the first time. */
    public String maintainer(String adminToken, String username, String displayName) {
        String password = username + "-password-1";
        int status = client.post().uri("/api/v1/staff/accounts").header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password, "roles", List.of("MAINTAINER"),
                        "display_name", displayName))
                .exchange().returnResult(Void.class).getStatus().value();
        if (status != 201 && status != 409) {
            throw new AssertionError("cannot create maintainer account " + username + ": " + status);
        }
        return login(username, password);
    }

    public List<Map<String, Object>> queue(String staffToken) {
        return client.get().uri("/api/v1/staff/queue").header("Authorization", "Bearer " + staffToken).exchange()
                .expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
    }

    public WebTestClient.ResponseSpec staffPost(String staffToken, String path, Object body, Object... vars) {
        WebTestClient.RequestBodySpec spec = client.post().uri(path, vars)
                .header("Authorization", "Bearer " + staffToken);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A single-use ticket for the staff event stream. */
    public String eventsTicket(String staffToken) {
        return (String) staffPost(staffToken, "/api/v1/staff/events/ticket", null).expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("ticket");
    }
}
