package org.civicassist.nlp.measure;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.TextUnderstander;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the hand-off measurement on the shared evaluation files and prints the figures. Asserts only robust
 * properties (the signals separate the classes far better than chance); the figures themselves go into the README.
 */
class HandoffSignalEvaluationTest {

    private static final TextUnderstander UNDERSTANDER = ChineseNlp.bundled().understander();

    private static Path shared() {
        return HandoffSignalEvaluation.findShared()
                .orElseThrow(() -> new AssertionError("shared/ (evaluation data) not found above " + Path.of("").toAbsolutePath()));
    }

    @Test
    void should_count_positives_and_negatives_by_label(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("m.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"text\": \"窗口态度太差了 我要投诉\", \"emotion\": \"愤怒\", \"type\": \"投诉/求助\"}",
                "{\"text\": \"路灯坏了\", \"emotion\": \"中性\", \"type\": \"投诉/求助\"}",
                "{\"text\": \"请问社保卡怎么补\", \"emotion\": \"中性\", \"type\": \"咨询\"}",
                "{\"text\": \"我要投诉\", \"emotion\": \"中性\", \"type\": \"咨询\"}",
                "{\"text\": \"建议多设公交站 我要投诉\", \"emotion\": \"中性\", \"type\": \"建言\"}"));

        // when
        HandoffSignalEvaluation.Figures f = HandoffSignalEvaluation.msga(UNDERSTANDER, file);

        // then
        assertThat(f.truePositives()).isEqualTo(1);
        assertThat(f.falseNegatives()).isEqualTo(1);
        assertThat(f.falsePositives()).isEqualTo(1);
        assertThat(f.trueNegatives()).isEqualTo(1);
        assertThat(f.precision()).isEqualTo(0.5);
        assertThat(f.recall()).isEqualTo(0.5);
    }

    @Test
    void should_separate_complaints_from_plain_questions_on_msga_test() {
        HandoffSignalEvaluation.Figures f = HandoffSignalEvaluation.msga(UNDERSTANDER,
                shared().resolve("external/msga-beijing/messages-test.jsonl"));
        System.out.println(f);
        double baseRate = (f.truePositives() + f.falseNegatives())
                / (double) (f.truePositives() + f.falseNegatives() + f.falsePositives() + f.trueNegatives());
        assertThat(f.precision()).isGreaterThan(baseRate + 0.15);
        assertThat(f.recall()).isGreaterThan(0.3);
        assertThat(f.falsePositiveRate()).isLessThan(0.1);
    }

    @Test
    void should_hand_off_human_dev_questions_and_almost_never_answerable_ones() {
        HandoffSignalEvaluation.Figures f = HandoffSignalEvaluation.dev(UNDERSTANDER, shared().resolve("eval/dev.jsonl"));
        System.out.println(f);
        assertThat(f.falsePositiveRate()).isLessThan(0.03);
        assertThat(f.recall()).isGreaterThan(0.8);
    }
}
