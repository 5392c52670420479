package org.civicassist.assistant.web;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gzip over real HTTP (compression is a feature of the Netty server, not of a mock exchange): JSON replies and the
 * widget's files are compressed for a client that accepts gzip and sent plain to one that does not; event streams
 * are never compressed, and their events arrive one by one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "assistant.handoff.heartbeat=300ms")
@Import(TestEmbedderConfiguration.class)
class CompressionTest {

    /** The JDK client sends no Accept-Encoding of its own and never decompresses: the bytes are the server's. */
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    record Reply(int status, Optional<String> encoding, String contentType, byte[] raw) {
        String text() {
            byte[] bytes = encoding.isPresent() ? gunzip(raw) : raw;
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    Reply get(String path, boolean gzip, String... headers) {
        return send(request(path, gzip, headers).GET().build());
    }

    Reply post(String path, String body, boolean gzip, String... headers) {
        return send(request(path, gzip, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpRequest.Builder request(String path, boolean gzip, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Encoding"),
                    r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip", e);
        }
    }

    record Opened(String id, String token) {
    }

    Opened openAndAsk() {
        JsonNode opened = json.readTree(post("/api/v1/conversations", "{}", false).text());
        Opened c = new Opened(opened.get("id").asString(), opened.get("token").asString());
        Reply answer = post("/api/v1/conversations/" + c.id() + "/messages", "{\"text\": \"社保卡丢了怎么补办\"}", true,
                "X-Conversation-Token", c.token());
        assertThat(answer.status()).isEqualTo(200);
        return c;
    }

    @Test
    void the_chat_api_gzips_its_json_for_a_client_that_accepts_gzip__and_not_for_one_that_does_not() {
        Opened c = openAndAsk();
        String path = "/api/v1/conversations/" + c.id();

        Reply zipped = get(path, true, "X-Conversation-Token", c.token());
        Reply plain = get(path, false, "X-Conversation-Token", c.token());

        assertThat(zipped.status()).isEqualTo(200);
        assertThat(zipped.contentType()).startsWith("application/json");
        assertThat(zipped.encoding()).contains("gzip");
        assertThat(plain.encoding()).isEmpty();
        assertThat(zipped.text()).isEqualTo(plain.text());
        assertThat(json.readTree(plain.text()).get("messages")).isNotEmpty();
        assertThat(zipped.raw().length).isLessThan(plain.raw().length);
        System.out.printf("transcript: %d bytes plain, %d gzipped%n", plain.raw().length, zipped.raw().length);
    }

    @Test
    void the_widget_script_and_styles_are_gzipped_for_a_client_that_accepts_gzip__and_not_for_one_that_does_not() {
        for (String file : List.of("/widget/widget.js", "/widget/widget.css", "/demo/")) {
            Reply zipped = get(file, true);
            Reply plain = get(file, false);

            assertThat(zipped.status()).as(file).isEqualTo(200);
            assertThat(zipped.encoding()).as(file).contains("gzip");
            assertThat(plain.encoding()).as(file).isEmpty();
            assertThat(zipped.text()).as(file).isEqualTo(plain.text()).isNotBlank();
            System.out.printf("%s (%s): %d bytes plain, %d gzipped%n", file, plain.contentType(), plain.raw().length,
                    zipped.raw().length);
        }
        assertThat(get("/widget/widget.js", false).text()).contains("window.CivicAssistant");
    }

    @Test
    void problems_are_gzipped_like_other_json() {
        Reply zipped = get("/api/v1/conversations/no-such-conversation", true);
        Reply plain = get("/api/v1/conversations/no-such-conversation", false);

        assertThat(zipped.contentType()).startsWith("application/problem+json");
        assertThat(zipped.encoding()).contains("gzip");
        assertThat(plain.encoding()).isEmpty();
        assertThat(json.readTree(zipped.text())).isEqualTo(json.readTree(plain.text()));
        assertThat(json.readTree(plain.text()).get("code").asString()).isNotBlank();
        System.out.printf("problem: %d bytes plain, %d gzipped%n", plain.raw().length, zipped.raw().length);
    }

    @Test
    void a_reply_to_a_message_is_gzipped__and_an_opened_conversation_too_small_to_gain_is_not() {
        Reply opened = post("/api/v1/conversations", "{}", true);
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.encoding()).as("%d bytes", opened.raw().length).isEmpty();
        JsonNode c = json.readTree(opened.text());

        Reply answer = post("/api/v1/conversations/" + c.get("id").asString() + "/messages",
                "{\"text\": \"社保卡丢了怎么补办\"}", true, "X-Conversation-Token", c.get("token").asString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.encoding()).contains("gzip");
        assertThat(json.readTree(answer.text()).path("reply").path("text").asString()).isNotBlank();
    }

    @Test
    void the_citizen_event_stream_is_not_compressed__and_its_events_arrive_one_by_one() throws Exception {
        Opened c = openAndAsk();
        HttpRequest request = request("/api/v1/conversations/" + c.id() + "/events", true,
                "X-Conversation-Token", c.token(), "Accept", "text/event-stream").GET().build();

        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        // the stream sends a heartbeat comment every 300 ms: each must be readable on its own, as it is sent
        List<Long> heartbeatsAtMillis = new ArrayList<>();
        long start = System.nanoTime();
        try (InputStream body = response.body();
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (heartbeatsAtMillis.size() < 3 && (line = lines.readLine()) != null) {
                if (line.startsWith(":heartbeat")) {
                    heartbeatsAtMillis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        assertThat(heartbeatsAtMillis).hasSize(3);
        assertThat(heartbeatsAtMillis.get(2) - heartbeatsAtMillis.get(0)).as("two heartbeat periods, in ms")
                .isBetween(300L, 3_000L);
    }
}
