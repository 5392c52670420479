package org.civicassist.assistant;

import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises of {@code logging.structured.format.console=ecs}: every line the application writes is a
 * JSON object with the ECS fields, and a reply's line carries its conversation, reply type and confidence as fields,
 * never the citizen's text. Only an application in a JVM of its own shows that: logging is set up once per JVM, and
 * in a shared test JVM it is the tests' own.
 */
class EcsConsoleLogTest {

    static final String QUESTION = "社保卡丢了怎么补办";
    static final Pattern STARTED = Pattern.compile("Netty started on port (\\d+)");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final List<String> stdout = new CopyOnWriteArrayList<>();
    Process app;
    Thread reader;

    @AfterEach
    void killTheApplication() throws InterruptedException {
        // whatever happened in the test, no JVM is left behind
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void every_line_of_the_applications_own_jvm_is_ecs_json__a_reply_logged_with_its_fields_not_the_citizens_text()
            throws Exception {
        // given: the application as it ships, in its own JVM, over the tiny KB (its 8 passages take the real
        // embedding model a few seconds), ECS on the console, any free port
        Path stderr = Files.createTempFile(Files.createDirectories(Path.of("target")), "ecs-app", ".stderr");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-Duser.timezone=UTC", "-XX:TieredStopAtLevel=1",
                AssistantApplication.class.getName()));
        TinyKbProperties.of(TinyKbProperties.directory()).forEach(p -> command.add("--" + p)); // server.port=0 too
        command.add("--logging.structured.format.console=ecs");
        app = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        reader = new Thread(this::readStdout, "ecs-app-stdout");
        reader.setDaemon(true);
        reader.start();
        // the port is the one the application says it listens on, never a guess
        int port = portFromTheLog(Duration.ofSeconds(60), stderr);

        // when: a citizen asks a question, and the application is stopped (SIGTERM, as a deployment stops it)
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode opened = post(http, port, "/api/v1/conversations", null, "{}");
        String id = opened.get("id").asString();
        JsonNode answered = post(http, port, "/api/v1/conversations/" + id + "/messages",
                opened.get("token").asString(), JSON.writeValueAsString(Map.of("text", QUESTION)));
        assertThat(answered.path("reply").path("type").asString()).isEqualTo("answer");
        // through its handle: Process.destroy() would also close our end of its stdout, losing the shutdown's lines
        app.toHandle().destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the application stopped").isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(10));

        // then: every line is an ECS JSON object, the shutdown's too
        assertThat(stdout).as("lines written").hasSizeGreaterThan(3);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout) {
            JsonNode json = parse(line);
            assertThat(json).as("a JSON object: %s", line).isNotNull();
            assertThat(json.isObject()).as("a JSON object: %s", line).isTrue();
            assertThat(json.path("@timestamp").asString()).as("@timestamp of %s", line).isNotBlank();
            assertThat(level(json)).as("log.level of %s", line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(json.path("message").isString()).as("message of %s", line).isTrue();
            lines.add(json);
        }
        assertThat(lines).extracting(l -> l.path("message").asString())
                .anyMatch(m -> m.contains("Graceful shutdown complete"));
        // the reply's line: its fields, and nothing of what the citizen wrote anywhere in the log
        assertThat(lines).filteredOn(l -> id.equals(l.path("conversation").asString())).singleElement()
                .satisfies(reply -> {
                    assertThat(reply.path("reply").asString()).isEqualTo("answer");
                    assertThat(reply.path("confidence").asString()).matches("\\d\\.\\d{3}");
                    assertThat(reply.path("elapsed_ms").isMissingNode()).isFalse();
                    assertThat(level(reply)).isEqualTo("INFO");
                });
        assertThat(stdout).noneMatch(line -> line.contains(QUESTION) || line.contains("社保卡"));
    }

    /** The level, nested as ECS has it ({@code "log": {"level": ...}}) or as a dotted key. */
    static String level(JsonNode json) {
        JsonNode nested = json.path("log").path("level");
        return nested.isString() ? nested.asString() : json.path("log.level").asString();
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                stdout.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int portFromTheLog(Duration limit, Path stderr) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> port = stdout.stream().map(STARTED::matcher).filter(Matcher::find)
                    .map(m -> Integer.parseInt(m.group(1))).findFirst();
            if (port.isPresent()) {
                return port.get();
            }
            assertThat(app.isAlive()).as("the application runs; stdout %s, stderr %s", stdout,
                    Files.readString(stderr)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no 'Netty started on port' line within " + limit + ": " + stdout);
    }

    static JsonNode post(HttpClient http, int port, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("X-Conversation-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}
