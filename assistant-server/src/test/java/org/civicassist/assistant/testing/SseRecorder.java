package org.civicassist.assistant.testing;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Listens to a server-sent event stream over real HTTP and records what arrives, so that a test can wait for an
 * event. Close it at the end of the test.
 */
public final class SseRecorder implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    private final List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Disposable subscription;

    private SseRecorder(String baseUrl, String path, Consumer<org.springframework.http.HttpHeaders> headers) {
        this.subscription = WebClient.create(baseUrl).get().uri(path).headers(headers)
                .retrieve().bodyToFlux(EVENT)
                .subscribe(events::add, failure::set);
    }

    /** Connects and returns once the stream is open (its first event or comment has arrived). */
    public static SseRecorder listen(String baseUrl, String path) {
        return listen(baseUrl, path, h -> {
        });
    }

    public static SseRecorder listen(String baseUrl, String path, Consumer<org.springframework.http.HttpHeaders> h) {
        SseRecorder recorder = new SseRecorder(baseUrl, path, h);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (recorder.events.isEmpty() && recorder.failure.get() == null && Instant.now().isBefore(deadline)) {
            sleep();
        }
        if (recorder.events.isEmpty()) {
            recorder.close();
            throw new AssertionError("the event stream " + path + " did not open", recorder.failure.get());
        }
        return recorder;
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the first event matching {@code test} and returns it. */
    public ServerSentEvent<Map<String, Object>> await(String description,
                                                      Predicate<ServerSentEvent<Map<String, Object>>> test) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (failure.get() != null) {
                throw new AssertionError("the event stream failed while waiting for " + description, failure.get());
            }
            for (ServerSentEvent<Map<String, Object>> e : events) {
                if (e.event() != null && test.test(e)) {
                    return e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no event " + description + " within 15 s; received: " + events);
    }

    public ServerSentEvent<Map<String, Object>> await(String type, String field, Object value) {
        return await(type + " with " + field + "=" + value,
                e -> type.equals(e.event()) && e.data() != null && value.equals(e.data().get(field)));
    }

    public List<ServerSentEvent<Map<String, Object>>> events() {
        return List.copyOf(events);
    }

    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
