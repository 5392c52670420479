package org.civicassist.eval.regress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegressionCheckTest {

    @Test
    void prints_ok_and_fail_lines_for_minimums_maximums_and_baselines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dev.yaml");
        Files.writeString(file, """
                name: dev
                kb: bundled
                questions: dev.jsonl
                checks:
                  - {metric: metrics.resolution, min: 0.60}
                  - {metric: metrics.wrong_answer_rate, max: 0.10}
                  - {metric: metrics.recall_at_1, beats: [bm25, dense]}
                  - {metric: metrics.mrr, min: 0.5}
                """);
        JsonNode report = JsonMapper.builder().build().readTree("""
                {"metrics": {"resolution": 0.65, "wrong_answer_rate": 0.12, "recall_at_1": 0.8},
                 "baselines": {"bm25": {"recall_at_1": 0.5}, "dense": {"recall_at_1": 0.85}}}
                """);

        List<RegressionCheck.Line> lines = RegressionCheck.verify(RegressionFile.load(file), report);

        assertThat(lines).extracting(RegressionCheck.Line::toString).containsExactly(
                "[OK]   dev metrics.resolution 0.650 >= 0.600",
                "[FAIL] dev metrics.wrong_answer_rate 0.120 <= 0.100",
                "[OK]   dev metrics.recall_at_1 0.800 > bm25 0.500",
                "[FAIL] dev metrics.recall_at_1 0.800 > dense 0.850",
                "[FAIL] dev metrics.mrr is missing from the report");
    }
}
