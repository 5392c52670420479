package org.civicassist.eval.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one system on one question file, as the reports show them: {@link Metrics} for single questions,
 * {@link DialogueMetrics} for dialogues.
 */
public sealed interface RunMetrics permits Metrics, DialogueMetrics {

    /** Each figure under its stable report.json key, in report order; null when the run cannot observe it. */
    Map<String, Double> figures();

    Metrics.Latency latencyMs();

    Map<String, Integer> counts();

    /** The figures under their keys; {@code values} in the order of {@code keys}. */
    static Map<String, Double> keyed(List<String> keys, Double... values) {
        if (keys.size() != values.length) {
            throw new IllegalArgumentException(keys.size() + " keys for " + values.length + " figures");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(keys.get(i), values[i]);
        }
        return out;
    }
}
