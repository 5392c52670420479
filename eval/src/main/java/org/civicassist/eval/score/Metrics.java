package org.civicassist.eval.score;

import org.civicassist.eval.question.Question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregate figures of a run of single questions, under the stable keys of report.json. A figure that the run
 * cannot observe (recall over HTTP, or a kind of question absent from the set) is null.
 */
public record Metrics(Double resolution, Double resolvedWithinOneClick, Double recallAt1, Double recallAt5,
                      Double mrr, Double wrongAnswerRate, Double clarifyRate, Double oosNotAnswered,
                      Double humanHandoff, Double multiTurnResolution, Latency latencyMs, Map<String, Integer> counts)
        implements RunMetrics {

    /** The report.json keys of {@link #figures()}, in report order. */
    public static final List<String> KEYS = List.of("resolution", "resolved_within_one_click", "recall_at_1",
            "recall_at_5", "mrr", "wrong_answer_rate", "clarify_rate", "oos_not_answered", "human_handoff",
            "multi_turn_resolution");

    @Override
    public Map<String, Double> figures() {
        return RunMetrics.keyed(KEYS, resolution, resolvedWithinOneClick, recallAt1, recallAt5, mrr, wrongAnswerRate,
                clarifyRate, oosNotAnswered, humanHandoff, multiTurnResolution);
    }

    public record Latency(double p50, double p95, double p99) {
    }

    public static Metrics of(List<QuestionResult> results) {
        List<QuestionResult> answerable = of(results, Question.Kind.ANSWERABLE);
        List<QuestionResult> oos = of(results, Question.Kind.OUT_OF_SCOPE);
        List<QuestionResult> human = of(results, Question.Kind.HUMAN);
        List<QuestionResult> multi = answerable.stream().filter(r -> r.question().multiTurn()).toList();
        boolean ranked = answerable.stream().anyMatch(r -> !r.outcome().ranked().isEmpty());
        long answers = results.stream().filter(r -> r.outcome().isAnswer()).count();

        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("questions", results.size());
        counts.put("answerable", answerable.size());
        counts.put("out_of_scope", oos.size());
        counts.put("human", human.size());
        counts.put("multi_turn", multi.size());
        counts.put("resolved", (int) answerable.stream().filter(QuestionResult::resolved).count());
        counts.put("resolved_within_one_click",
                (int) answerable.stream().filter(QuestionResult::resolvedWithinOneClick).count());
        counts.put("answers", (int) answers);
        counts.put("wrong_answers", (int) results.stream().filter(QuestionResult::wrongAnswer).count());
        countReplyTypes(results, counts);

        return new Metrics(
                share(answerable, QuestionResult::resolved),
                share(answerable, QuestionResult::resolvedWithinOneClick),
                ranked ? share(answerable, r -> r.firstMatchRank() == 1) : null,
                ranked ? share(answerable, r -> r.firstMatchRank() >= 1 && r.firstMatchRank() <= 5) : null,
                ranked ? answerable.stream().mapToDouble(r -> r.firstMatchRank() == 0 ? 0 : 1.0 / r.firstMatchRank())
                        .average().orElse(0) : null,
                answers == 0 ? null : results.stream().filter(QuestionResult::wrongAnswer).count() / (double) answers,
                share(answerable, r -> r.outcome().isClarify()),
                share(oos, QuestionResult::handled),
                share(human, QuestionResult::handled),
                share(multi, QuestionResult::resolved),
                latency(results),
                counts);
    }

    /** Resolution (answerable) and Recall@1 per domain, plus how often the other kinds were handled. */
    public static Map<String, Map<String, Object>> byDomain(List<QuestionResult> results) {
        Map<String, List<QuestionResult>> groups = new TreeMap<>();
        results.forEach(r -> groups.computeIfAbsent(r.domain(), k -> new ArrayList<>()).add(r));
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        groups.forEach((domain, rs) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("questions", rs.size());
            m.put("handled", round(share(rs, QuestionResult::handled)));
            boolean ranked = rs.stream().anyMatch(r -> !r.outcome().ranked().isEmpty());
            if (ranked && rs.get(0).question().kind() == Question.Kind.ANSWERABLE) {
                m.put("recall_at_1", round(share(rs, r -> r.firstMatchRank() == 1)));
            }
            m.put("wrong_answers", rs.stream().filter(QuestionResult::wrongAnswer).count());
            out.put(domain, m);
        });
        return out;
    }

    /** {@code reply_answer}, {@code reply_clarify} … : how many replies of each type. */
    static void countReplyTypes(List<QuestionResult> results, Map<String, Integer> counts) {
        Map<String, Integer> byType = new TreeMap<>();
        results.forEach(r -> byType.merge(r.outcome().type(), 1, Integer::sum));
        byType.forEach((t, n) -> counts.put("reply_" + t, n));
    }

    static List<QuestionResult> of(List<QuestionResult> results, Question.Kind kind) {
        return results.stream().filter(r -> r.question().kind() == kind).toList();
    }

    static <T> Double share(List<T> rs, java.util.function.Predicate<T> p) {
        return rs.isEmpty() ? null : rs.stream().filter(p).count() / (double) rs.size();
    }

    static Latency latency(List<QuestionResult> results) {
        double[] ms = results.stream().mapToDouble(r -> r.outcome().latencyNanos() / 1e6).sorted().toArray();
        return new Latency(percentile(ms, 50), percentile(ms, 95), percentile(ms, 99));
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
