package org.civicassist.assistant.ratelimit;

import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.Eventually;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen API's flood limits over real HTTP. Each test speaks from its own client address (the server trusts
 * {@code X-Forwarded-For} here), so that the tests' buckets are their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "assistant.limits.messages-per-minute-per-conversation=3",
        "assistant.limits.requests-per-minute-per-client=8",
        "assistant.limits.max-event-streams-per-client=2",
        "assistant.limits.trust-forwarded-for=true"})
@Import(TestEmbedderConfiguration.class)
class RateLimitTest {

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStreamLimitFilter streams;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    ApiClient.Citizen open(String address) {
        Map<String, Object> body = client().post().uri("/api/v1/conversations").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isCreated().expectBody(ApiClient.JSON).returnResult().getResponseBody();
        return new ApiClient.Citizen((String) body.get("id"), (String) body.get("token"));
    }

    WebTestClient.ResponseSpec say(String address, ApiClient.Citizen c, String text) {
        return client().post().uri("/api/v1/conversations/{id}/messages", c.id()).header("X-Forwarded-For", address)
                .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange();
    }

    static void refused(WebTestClient.ResponseSpec response, String code) {
        response.expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L))
                .expectBody().jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.detail_zh").isNotEmpty().jsonPath("$.detail_en").isNotEmpty();
    }

    @Test
    void a_conversation_sending_faster_than_a_person_types_is_asked_to_wait__others_are_not() {
        String address = "198.51.100.1";
        ApiClient.Citizen fast = open(address);
        for (int i = 0; i < 3; i++) {
            say(address, fast, "社保卡丢了怎么补办").expectStatus().isOk();
        }

        refused(say(address, fast, "社保卡丢了怎么补办"), "rate-limited");
        ApiClient.Citizen other = open(address);
        say(address, other, "社保卡丢了怎么补办").expectStatus().isOk();
    }

    @Test
    void one_address_flooding_the_api_is_refused__other_addresses_are_served() {
        String flooder = "198.51.100.2";
        for (int i = 0; i < 8; i++) {
            open(flooder);
        }

        refused(client().post().uri("/api/v1/conversations").header("X-Forwarded-For", flooder)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), "rate-limited");
        open("198.51.100.3");
    }

    @Test
    void event_streams_beyond_the_cap_of_an_address_are_refused_until_one_closes() throws IOException {
        String address = "198.51.100.4";
        ApiClient.Citizen a = open(address);
        ApiClient.Citizen b = open(address);
        ApiClient.Citizen c = open(address);
        int before = streams.open();
        try (Socket first = stream(address, a); Socket second = stream(address, b)) {
            assertThat(statusLine(first)).contains(" 200 ");
            assertThat(statusLine(second)).contains(" 200 ");
            assertThat(streams.open()).isEqualTo(before + 2);

            try (Socket third = stream(address, c)) {
                assertThat(statusLine(third)).contains(" 429 ");
            }

            first.close();
            Eventually.waitUntil(Duration.ofSeconds(20), () -> streams.open() == before + 1);
            try (Socket third = stream(address, c)) {
                assertThat(statusLine(third)).contains(" 200 ");
            }
        }
    }

    /** An event stream held open on a socket of its own; closing the socket ends it. */
    Socket stream(String address, ApiClient.Citizen c) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/v1/conversations/" + c.id() + "/events?token=" + c.token()
                + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nX-Forwarded-For: " + address
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    static String statusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int ch = in.read(); ch >= 0 && ch != '\n'; ch = in.read()) {
            line.append((char) ch);
        }
        return line.toString();
    }
}
