package org.civicassist.eval.load;

import org.civicassist.eval.score.Metrics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: N clients, each opening a conversation and asking questions one after another for a duration.
 * The same load against a trivial endpoint of the same server gives the framework's ceiling, so the ratio between the
 * two holds on a noisy machine.
 */
public final class LoadRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Figures of one load phase. */
    public record Phase(String name, int requests, int errors, double seconds, double p50, double p95, double p99) {
        public double throughput() {
            return requests / seconds;
        }

        public ObjectNode toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("requests", requests);
            n.put("errors", errors);
            n.put("throughput_per_s", Math.round(throughput() * 10) / 10.0);
            n.put("p50_ms", p50);
            n.put("p95_ms", p95);
            n.put("p99_ms", p99);
            return n;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-18s %6d requests %4d errors %7.1f req/s  p50 %6.1f ms  p95 %6.1f ms"
                    + "  p99 %6.1f ms", name, requests, errors, throughput(), p50, p95, p99);
        }
    }

    private final URI endpoint;
    private final HttpClient http;
    /** Refusals by status, over all phases: what the errors were. */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> failures =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Map<String, Integer> failures() {
        return Map.copyOf(failures);
    }

    public LoadRun(URI endpoint, int concurrency) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, concurrency))).build();
    }

    /** A citizen asks this many questions in a conversation, then starts another (as people do). */
    static final int QUESTIONS_PER_CONVERSATION = 8;

    /**
     * Citizens asking questions: each client opens a conversation, posts questions in turn, and after
     * {@value #QUESTIONS_PER_CONVERSATION} opens the next. Every request (an opening or a message) is timed.
     */
    public Phase chat(String name, List<String> questions, int concurrency, Duration duration) {
        return run(name, concurrency, duration, client -> {
            String[] conversation = new String[2];
            return i -> {
                int step = i % (QUESTIONS_PER_CONVERSATION + 1);
                if (step == 0) {
                    Map<?, ?> o = JSON.readValue(send(post("/api/v1/conversations", null, "{}")), Map.class);
                    conversation[0] = (String) o.get("id");
                    conversation[1] = (String) o.get("token");
                    return;
                }
                send(post("/api/v1/conversations/" + conversation[0] + "/messages", conversation[1],
                        JSON.writeValueAsString(Map.of("text", questions.get((client + i * 7) % questions.size())))));
            };
        });
    }

    /** The framework's ceiling: the same clients on the health endpoint. */
    public Phase ceiling(int concurrency, Duration duration) {
        return run("ceiling (health)", concurrency, duration,
                client -> i -> send(HttpRequest.newBuilder(endpoint.resolve("/actuator/health")).GET().build()));
    }

    interface Client {
        Step open(int client) throws Exception;
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private Phase run(String name, int concurrency, Duration duration, Client clients) {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicLong deadline = new AtomicLong(System.nanoTime() + duration.toNanos());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            pool.submit(() -> {
                Step step;
                try {
                    step = clients.open(client);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    return;
                }
                for (int i = 0; System.nanoTime() < deadline.get(); i++) {
                    long t = System.nanoTime();
                    try {
                        step.run(i);
                        latencies.add((System.nanoTime() - t) / 1e6);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (!(e instanceof IllegalStateException)) {
                            failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = latencies.stream().mapToDouble(d -> d).sorted().toArray();
        return new Phase(name, sorted.length, errors.get(), seconds, Metrics.percentile(sorted, 50),
                Metrics.percentile(sorted, 95), Metrics.percentile(sorted, 99));
    }

    private HttpRequest post(String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("X-Conversation-Token", token);
        }
        return b.build();
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            failures.merge("HTTP " + r.statusCode(), 1, Integer::sum);
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r.body();
    }
}
