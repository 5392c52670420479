package org.civicassist.eval.report;

import org.civicassist.eval.evaluation.Evaluation;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.score.Calibration;
import org.civicassist.eval.score.Metrics;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.score.RunMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.md: the metrics beside the baselines, per domain, the calibration of the confidence per question style, and
 * the failures. Also the README figures snippet.
 */
public final class MarkdownReport {

    /** The metrics of a run of single questions, in table order (also read by {@link FiguresSnippet}). */
    static final List<String> KEYS = Metrics.KEYS;

    private MarkdownReport() {
    }

    public static String render(Evaluation e) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation: ").append(e.name()).append("\n\n");
        md.append("KB: `").append(e.kb()).append("` · questions: `").append(e.questions()).append("` · ")
                .append(e.environment().getOrDefault("machine", "")).append("\n\n");
        md.append(table(e));
        RunMetrics m = e.results().metrics();
        md.append(String.format(Locale.ROOT, "%nLatency per judged turn (ms): p50 %.1f · p95 %.1f · p99 %.1f. "
                        + "Index build: %.1f s. Counts: %s%n", m.latencyMs().p50(), m.latencyMs().p95(),
                m.latencyMs().p99(), e.buildMillis() / 1000.0, m.counts()));
        md.append("\n").append(baselineNote(e)).append('\n');
        md.append("\n## Per domain\n\n| domain | questions | handled | recall@1 | wrong answers |\n|---|---|---|---|---|\n");
        Metrics.byDomain(e.results().replies()).forEach((d, v) -> md.append("| ").append(d).append(" | ")
                .append(v.get("questions")).append(" | ").append(v.get("handled")).append(" | ")
                .append(v.getOrDefault("recall_at_1", "")).append(" | ").append(v.get("wrong_answers"))
                .append(" |\n"));
        md.append("\n## Calibration\n\n").append(calibrationTable(e));
        md.append("\n## Failures\n\n| id | question | expected | cited | reply | confidence | one click |\n|---|---|---|---|---|---|---|\n");
        for (QuestionResult r : e.results().replies()) {
            if (!r.handled()) {
                md.append("| ").append(r.question().id()).append(" | ")
                        .append(cell(String.join(" / ", r.question().turns()))).append(" | ")
                        .append(cell(String.join(", ", r.question().expect()))).append(" | ")
                        .append(r.outcome().citations().isEmpty() ? "" : r.outcome().citations().get(0).key())
                        .append(" | ").append(r.outcome().type()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", r.outcome().confidence())).append(" | ")
                        .append(cell(oneClick(r))).append(" |\n");
            }
        }
        return md.toString();
    }

    /** How the baselines were asked, so that their figures are read right. */
    static String baselineNote(Evaluation e) {
        return e.results().dialogues().isEmpty()
                ? "Baselines answer every question with their first item (no clarify, no handoff, no options: their "
                + "resolution within one click is their resolution); multi-turn questions are given to them as the "
                + "turns joined."
                : "Dialogues are judged turn by turn in one conversation; no option is clicked. Baselines answer "
                + "every turn with their first item, searching the dialogue's messages so far joined (they hand "
                + "off only when they find nothing, so they keep context turns, and each answer to one is a wrong "
                + "answer).";
    }

    /** Each system's figures, the assistant first. */
    static Map<String, RunMetrics> systems(Evaluation e) {
        Map<String, RunMetrics> systems = new LinkedHashMap<>();
        systems.put("assistant", e.results().metrics());
        e.baselines().forEach((n, rs) -> systems.put(n, rs.metrics()));
        return systems;
    }

    /** The metrics table: the assistant and each baseline side by side. */
    public static String table(Evaluation e) {
        Map<String, RunMetrics> columns = systems(e);
        StringBuilder md = new StringBuilder("| metric |");
        columns.keySet().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (String key : columns.get("assistant").figures().keySet()) {
            md.append("| ").append(key).append(" |");
            for (RunMetrics m : columns.values()) {
                Double v = JsonReport.read(JsonReport.metrics(m), key);
                md.append(' ').append(v == null ? "–" : String.format(Locale.ROOT, "%.3f", v)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The ECE and Brier score of the assistant's confidence per question style, and the event it is scored on. */
    static String calibrationTable(Evaluation e) {
        StringBuilder md = new StringBuilder(calibrationNote(e)).append("\n\n");
        md.append("| style | replies | ECE | Brier |\n|---|---|---|---|\n");
        JsonReport.calibrations(e).forEach((style, c) -> md.append("| ").append(style).append(" | ")
                .append(c.count()).append(" | ").append(figure(c.ece())).append(" | ").append(figure(c.brier()))
                .append(" |\n"));
        return md.toString();
    }

    /** What the calibration figures measure, in words. */
    static String calibrationNote(Evaluation e) {
        return "Confidence scored against: " + Calibration.event(e.results().replies()) + ". ECE over "
                + Calibration.BINS + " equal-width bins, weighted by count; short = judged turn of at most "
                + Calibration.SHORT_CHARS + " characters.";
    }

    static String figure(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A failure's click, if any: the option sent, what it was answered with, and whether that resolved it. */
    static String oneClick(QuestionResult r) {
        if (r.click() == null) {
            return "";
        }
        List<Outcome.Cited> after = r.click().reply().citations();
        return r.click().option().item().key() + " → " + r.click().reply().type()
                + (after.isEmpty() ? "" : " " + after.get(0).key())
                + (r.resolvedWithinOneClick() ? " ✓" : " ✗");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static List<String> keys() {
        return new ArrayList<>(KEYS);
    }
}
