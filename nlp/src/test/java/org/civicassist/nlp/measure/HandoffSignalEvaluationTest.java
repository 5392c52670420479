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
 * The counting of the hand-off measurement, on a few hand-written messages. The figures on external data (MSGA
 * messages, dev questions) are not unit tests: a fresh clone has no {@code ../shared}. They come from
 * {@link HandoffSignalEvaluation#main} and from the benchmark run ({@code eval/regressions/msga.yaml}).
 */
class HandoffSignalEvaluationTest {

    private static final TextUnderstander UNDERSTANDER = ChineseNlp.bundled().understander();

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
    void should_count_human_questions_as_positives_and_every_other_kind_as_negatives(@TempDir Path dir)
            throws IOException {
        // given
        Path file = dir.resolve("dev.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"a\", \"question\": \"窗口态度太差了 我要投诉\", \"kind\": \"human\"}",
                "{\"id\": \"b\", \"question\": \"社保卡怎么补办\", \"kind\": \"human\"}",
                "{\"id\": \"c\", \"question\": \"社保卡怎么补办\", \"kind\": \"answerable\"}",
                "{\"id\": \"d\", \"turns\": [\"社保卡怎么补办\", \"转人工\"], \"kind\": \"out_of_scope\"}"));

        // when
        HandoffSignalEvaluation.Figures f = HandoffSignalEvaluation.dev(UNDERSTANDER, file);

        // then: the last turn of a conversation is judged
        assertThat(f.truePositives()).isEqualTo(1);
        assertThat(f.falseNegatives()).isEqualTo(1);
        assertThat(f.trueNegatives()).isEqualTo(1);
        assertThat(f.falsePositives()).isEqualTo(1);
    }
}
