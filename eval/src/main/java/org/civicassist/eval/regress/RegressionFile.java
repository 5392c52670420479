package org.civicassist.eval.regress;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A checked-in regression file, in the manner of anserini's: which KB and questions, and the figures a run must reach.
 * <pre>
 * name: dev
 * kb: bundled                      # or a KB directory, relative to the repository root
 * questions: eval/questions/dev.jsonl     # optional; paths are relative to the repository root
 * signals: ../shared/external/msga-beijing/messages-test.jsonl   # optional: handoff-signal precision/recall
 * checks:
 *   - {metric: metrics.resolution, min: 0.60}
 *   - {metric: metrics.wrong_answer_rate, max: 0.15}
 *   - {metric: metrics.recall_at_1, beats: [bm25_smartcn, dense_inmemory]}
 * </pre>
 */
public record RegressionFile(String name, String kb, String questions, String signals, boolean baselines,
                             List<Check> checks) {

    /** A bound on one metric of report.json, or the requirement to beat named baselines on it. */
    public record Check(String metric, Double min, Double max, List<String> beats) {
    }

    @SuppressWarnings("unchecked")
    public static RegressionFile load(Path file) {
        Map<String, Object> y;
        try {
            y = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Check> checks = new ArrayList<>();
        for (Object o : (List<Object>) y.getOrDefault("checks", List.of())) {
            Map<String, Object> c = (Map<String, Object>) o;
            checks.add(new Check((String) c.get("metric"), number(c.get("min")), number(c.get("max")),
                    (List<String>) c.getOrDefault("beats", List.of())));
        }
        return new RegressionFile((String) y.get("name"), (String) y.get("kb"), (String) y.get("questions"),
                (String) y.get("signals"), !Boolean.FALSE.equals(y.get("baselines")), checks);
    }

    /** The same questions and checks on another KB (a directory, or {@code bundled}). */
    public RegressionFile onKb(String otherKb) {
        return new RegressionFile(name, otherKb, questions, signals, baselines, checks);
    }

    /**
     * The paths this file names that do not exist (relative to the working directory): the external sets live in
     * ../shared, which a clone of the repository does not have.
     */
    public List<String> missingData() {
        List<String> missing = new ArrayList<>();
        if (kb != null && !kb.equals("bundled") && !Files.isDirectory(Path.of(kb))) {
            missing.add("kb " + kb);
        }
        if (questions != null && !Files.isRegularFile(Path.of(questions))) {
            missing.add("questions " + questions);
        }
        if (signals != null && !Files.isRegularFile(Path.of(signals))) {
            missing.add("signals " + signals);
        }
        return missing;
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }
}
