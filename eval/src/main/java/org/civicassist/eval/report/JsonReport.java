package org.civicassist.eval.report;

import org.civicassist.eval.evaluation.Evaluation;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.score.Calibration;
import org.civicassist.eval.score.DialogueMetrics;
import org.civicassist.eval.score.Metrics;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.score.RunMetrics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * report.json: stable keys. {@code metrics} holds, for single questions, resolution, resolved_within_one_click,
 * recall_at_1, recall_at_5, mrr, wrong_answer_rate, clarify_rate, oos_not_answered, human_handoff,
 * multi_turn_resolution ({@link Metrics#KEYS}); for dialogues, turn_resolution, dialogues_resolved,
 * context_turns_kept, wrong_answer_rate, clarify_rate ({@link DialogueMetrics#KEYS}); and latency_ms {p50, p95, p99}
 * (null when not observable). A failing dialogue turn is listed under its id {@code dialogue#turn};
 * {@code baselines} maps each baseline's name to the same keys; {@code per_domain}, {@code counts},
 * {@code build_time_ms}, {@code environment} and {@code failures} sit beside them. {@code calibration} holds the
 * assistant's {@link Calibration}: {@code event} (what the confidence is scored against), {@code bins} and, under
 * {@code styles}, per question style ({@code dev}, {@code dev/single}, {@code dev/multi-turn}, {@code dev/short},
 * {@code dev/long}) {@code count}, {@code ece}, {@code brier} and {@code reliability} (per bin {@code lower},
 * {@code upper}, {@code count}, {@code mean_confidence}, {@code accuracy}).
 */
public final class JsonReport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonReport() {
    }

    public static ObjectNode render(Evaluation e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", e.name());
        root.put("kb", e.kb());
        root.put("questions", e.questions());
        root.put("build_time_ms", e.buildMillis());
        ObjectNode env = root.putObject("environment");
        e.environment().forEach(env::put);
        RunMetrics m = e.results().metrics();
        root.set("metrics", metrics(m));
        ObjectNode counts = root.putObject("counts");
        m.counts().forEach(counts::put);
        ObjectNode baselines = root.putObject("baselines");
        e.baselines().forEach((name, rs) -> baselines.set(name, metrics(rs.metrics())));
        root.set("per_domain", JSON.valueToTree(Metrics.byDomain(e.results().replies())));
        root.set("calibration", calibration(e));
        ArrayNode failures = root.putArray("failures");
        for (QuestionResult r : e.results().replies()) {
            if (!r.handled()) {
                failures.add(failure(r));
            }
        }
        return root;
    }

    public static ObjectNode metrics(RunMetrics m) {
        ObjectNode node = JSON.createObjectNode();
        m.figures().forEach((key, value) -> put(node, key, value));
        ObjectNode latency = node.putObject("latency_ms");
        latency.put("p50", m.latencyMs().p50());
        latency.put("p95", m.latencyMs().p95());
        latency.put("p99", m.latencyMs().p99());
        return node;
    }

    /** The assistant's calibration per question style, the question file's name (without .jsonl) first. */
    public static Map<String, Calibration> calibrations(Evaluation e) {
        return Calibration.byStyle(style(e.questions()), e.results().replies(), !e.results().dialogues().isEmpty());
    }

    /** The style of a question file: its name without directory and extension ("dev" for eval/questions/dev.jsonl). */
    static String style(String questions) {
        Path name = Path.of(questions).getFileName();
        String file = name == null ? questions : name.toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    static ObjectNode calibration(Evaluation e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", Calibration.event(e.results().replies()));
        node.put("bins", Calibration.BINS);
        ObjectNode styles = node.putObject("styles");
        calibrations(e).forEach((style, c) -> {
            ObjectNode s = styles.putObject(style);
            s.put("count", c.count());
            put(s, "ece", c.ece());
            put(s, "brier", c.brier());
            ArrayNode bins = s.putArray("reliability");
            for (Calibration.Bin b : c.bins()) {
                ObjectNode bin = bins.addObject();
                bin.put("lower", b.lower());
                bin.put("upper", b.upper());
                bin.put("count", b.count());
                put(bin, "mean_confidence", b.meanConfidence());
                put(bin, "accuracy", b.accuracy());
            }
        });
        return node;
    }

    static ObjectNode failure(QuestionResult r) {
        ObjectNode f = JSON.createObjectNode();
        f.put("id", r.question().id());
        f.put("kind", r.question().kind().name().toLowerCase(java.util.Locale.ROOT));
        f.put("question", String.join(" / ", r.question().turns()));
        f.set("expected", JSON.valueToTree(r.question().expect()));
        List<Outcome.Cited> cited = r.outcome().citations();
        f.put("cited", cited.isEmpty() ? null : cited.get(0).key());
        f.put("reply_type", r.outcome().type());
        if (r.outcome().handoffReason() != null) {
            f.put("handoff_reason", r.outcome().handoffReason());
        }
        f.put("confidence", Math.round(r.outcome().confidence() * 1000) / 1000.0);
        f.put("expected_rank", r.firstMatchRank());
        f.put("domain", r.domain());
        if (r.click() != null) {
            f.put("clicked", r.click().option().item().key());
            List<Outcome.Cited> after = r.click().reply().citations();
            f.put("after_click", r.click().reply().type() + (after.isEmpty() ? "" : " " + after.get(0).key()));
            f.put("resolved_within_one_click", r.resolvedWithinOneClick());
        }
        return f;
    }

    private static void put(ObjectNode node, String key, Double value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, Math.round(value * 1000) / 1000.0);
        }
    }

    /** Reads a metric back from a report ("metrics.resolution", "baselines.bm25_smartcn.recall_at_1", "latency_ms.p99"). */
    public static Double read(JsonNode report, String path) {
        JsonNode node = report;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || !node.isNumber() ? null : node.asDouble();
    }

    static Map<String, Object> asMap(JsonNode n) {
        return JSON.convertValue(n, Map.class);
    }
}
