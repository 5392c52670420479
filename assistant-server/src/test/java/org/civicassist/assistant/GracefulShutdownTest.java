package org.civicassist.assistant;

import org.civicassist.assistant.testing.ModelStub;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the server (a deployment, a scale-in) lets replies in flight finish before it goes. */
class GracefulShutdownTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ModelStub model = new ModelStub();

    /*
     * The citizen's side has its own connection pool and event loop, as a browser in another process has. A
     * WebClient.create() would share Reactor Netty's global resources with the server under test, and the server's
     * shutdown disposes them (Spring's ReactorResourceFactory stops right after the web server): the event loops'
     * shutdown closes every channel on them, the client's too, possibly before it has read the end of a response
     * the server had already sent completely — a "Connection prematurely closed DURING response" that no real
     * client would see.
     */
    final ConnectionProvider clientConnections = ConnectionProvider.newConnection();
    final LoopResources clientLoop = LoopResources.create("citizen", 1, true);

    @AfterAll
    static void stopModel() {
        model.close();
    }

    @AfterEach
    void stopClient() {
        clientConnections.dispose();
        clientLoop.dispose();
    }

    WebClient client(int port) {
        return WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(clientConnections).runOn(clientLoop)))
                .build();
    }

    @Test
    void a_reply_being_written_when_the_server_is_told_to_stop_still_reaches_the_citizen() throws Exception {
        // given: a server whose language model takes its time
        model.answersAfter("补办社保卡需要交工本费20元。办理时请带好身份证。\n引用: 1", 2_000);
        List<String> args = new ArrayList<>();
        TinyKbProperties.of(TinyKbProperties.directory()).forEach(p -> args.add("--" + p));
        args.addAll(List.of("--assistant.llm.enabled=true", "--assistant.llm.base-url=" + model.baseUrl(),
                "--assistant.llm.api-key=" + ModelStub.API_KEY, "--assistant.llm.model=" + ModelStub.MODEL,
                "--assistant.llm.rewrite-follow-ups=false", "--assistant.llm.first-token-timeout=10s",
                "--assistant.llm.total-timeout=10s"));
        ConfigurableApplicationContext server = new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        WebClient http = client(port);
        Map<String, Object> opened = http.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").retrieve().bodyToMono(JSON).block(Duration.ofSeconds(10));

        // when: a question is being answered and the server is stopped
        CompletableFuture<ResponseEntity<Map<String, Object>>> reply = http.post()
                .uri("/api/v1/conversations/{id}/messages", opened.get("id"))
                .header("X-Conversation-Token", (String) opened.get("token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "补办社保卡要钱吗"))
                .retrieve().toEntity(JSON).toFuture();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (model.answerRequests().isEmpty()) {
            assertThat(System.nanoTime()).as("the model was asked").isLessThan(deadline);
            Thread.sleep(20);
        }
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);

        // then: the reply arrives whole, and only then has the server stopped
        ResponseEntity<Map<String, Object>> response = reply.get(20, TimeUnit.SECONDS);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getBody().get("reply");
        assertThat(body.get("type")).isEqualTo("answer");
        assertThat((String) body.get("text")).contains("工本费20元");
        stopped.get(30, TimeUnit.SECONDS);
        assertThat(server.isActive()).isFalse();
    }

    @Test
    void open_event_streams_end_at_shutdown_instead_of_holding_it_for_the_whole_phase_timeout() throws Exception {
        // given: a server with a long phase timeout and a citizen's open event stream
        List<String> args = new ArrayList<>();
        TinyKbProperties.of(TinyKbProperties.directory()).forEach(p -> args.add("--" + p));
        args.add("--spring.lifecycle.timeout-per-shutdown-phase=60s");
        ConfigurableApplicationContext server = new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        WebClient http = client(port);
        Map<String, Object> opened = http.post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").retrieve().bodyToMono(JSON).block(Duration.ofSeconds(10));
        CompletableFuture<List<String>> stream = http.get()
                .uri("/api/v1/conversations/{id}/events?token={t}", opened.get("id"), opened.get("token"))
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(String.class).collectList().toFuture();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.getBean(org.civicassist.assistant.ratelimit.EventStreamLimitFilter.class).open() == 0) {
            assertThat(System.nanoTime()).as("the stream opened").isLessThan(deadline);
            Thread.sleep(20);
        }

        // when
        long start = System.nanoTime();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);

        // then: well before the 60 s phase timeout, the stream ends cleanly (a complete response), and the shutdown
        // with it
        stream.get(30, TimeUnit.SECONDS);
        stopped.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(server.isActive()).isFalse();
    }
}
