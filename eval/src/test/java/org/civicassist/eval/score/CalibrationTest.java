package org.civicassist.eval.score;

import org.civicassist.eval.question.Question;
import org.civicassist.eval.question.Question.Kind;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Outcome.Cited;
import org.civicassist.eval.score.Calibration.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ECE, Brier and the reliability table on hand-made (confidence, correct) pairs, and which replies are scored. */
class CalibrationTest {

    final Scorer scorer = new Scorer(id -> "社保");

    @Test
    void ece_weights_each_bins_gap_by_its_share_and_brier_is_the_mean_squared_error() {
        // bin 9: confidence 0.95, 3 of 4 right (gap 0.2); bin 1: confidence 0.15, 1 of 4 right (gap 0.1)
        List<Sample> samples = List.of(new Sample(0.95, true), new Sample(0.95, true), new Sample(0.95, false),
                new Sample(0.95, true), new Sample(0.15, false), new Sample(0.15, false), new Sample(0.15, true),
                new Sample(0.15, false));
        Calibration c = Calibration.of("s", samples);
        assertThat(c.count()).isEqualTo(8);
        assertThat(c.ece()).isCloseTo(0.5 * 0.2 + 0.5 * 0.1, within(1e-9));
        assertThat(c.brier()).isCloseTo((3 * 0.05 * 0.05 + 0.95 * 0.95 + 3 * 0.15 * 0.15 + 0.85 * 0.85) / 8,
                within(1e-9));
        assertThat(c.bins()).hasSize(10);
        Calibration.Bin top = c.bins().get(9);
        assertThat(top.count()).isEqualTo(4);
        assertThat(top.meanConfidence()).isCloseTo(0.95, within(1e-9));
        assertThat(top.accuracy()).isEqualTo(0.75);
        assertThat(c.bins().get(1).accuracy()).isEqualTo(0.25);
        assertThat(c.bins().get(5).count()).isZero();
        assertThat(c.bins().get(5).accuracy()).isNull();
    }

    @Test
    void a_calibrated_bin_has_no_error_and_the_edges_fall_into_the_upper_bin_with_one_in_the_last() {
        Calibration c = Calibration.of("s", List.of(new Sample(0.5, true), new Sample(0.5, false),
                new Sample(1.0, true), new Sample(0.0, false)));
        assertThat(c.ece()).isCloseTo(0, within(1e-9));
        assertThat(c.bins().get(5).count()).isEqualTo(2);
        assertThat(c.bins().get(9).count()).isEqualTo(1);
        assertThat(c.bins().get(0).count()).isEqualTo(1);
        assertThat(c.brier()).isCloseTo(0.125, within(1e-9));
    }

    @Test
    void no_samples_give_no_figures() {
        Calibration c = Calibration.of("s", List.of());
        assertThat(c.count()).isZero();
        assertThat(c.ece()).isNull();
        assertThat(c.brier()).isNull();
    }

    static Question question(String id, Kind kind, List<String> turns, String... expect) {
        return new Question(id, kind, turns, List.of(expect), List.of());
    }

    static Outcome outcome(String type, double confidence, List<Cited> ranked, Cited... cited) {
        return new Outcome(type, List.of(cited), confidence, ranked, 1, null);
    }

    @Test
    void in_process_the_event_is_the_first_ranked_item_whatever_the_reply_and_styles_split_the_replies() {
        Cited right = new Cited("faq-1", null);
        Cited other = new Cited("faq-2", null);
        List<QuestionResult> replies = List.of(
                // short single, clarify whose first ranked item is right: scored, correct
                scorer.score(question("a", Kind.ANSWERABLE, List.of("社保卡丢了"), "faq-1"),
                        outcome("clarify", 0.6, List.of(right, other))),
                // long single, answer whose first ranked item is wrong: scored, not correct
                scorer.score(question("b", Kind.ANSWERABLE, List.of("我的社保卡上礼拜坐公交丢了怎么补办呢"), "faq-1"),
                        outcome("answer", 0.9, List.of(other, right), other)),
                // multi-turn, short last turn, right
                scorer.score(question("c", Kind.ANSWERABLE, List.of("社保卡", "要钱吗"), "faq-1"),
                        outcome("answer", 0.8, List.of(right), right)),
                // out of scope: never scored
                scorer.score(question("d", Kind.OUT_OF_SCOPE, List.of("火星上有水吗")),
                        outcome("clarify", 0.3, List.of(other))),
                // no ranking in process: no first candidate, not scored
                scorer.score(question("e", Kind.ANSWERABLE, List.of("转人工"), "faq-1"),
                        outcome("handoff", 0.0, List.of())));
        Map<String, Calibration> styles = Calibration.byStyle("dev", replies, false);
        assertThat(styles.keySet()).containsExactly("dev", "dev/single", "dev/multi-turn", "dev/short", "dev/long");
        assertThat(styles.get("dev").count()).isEqualTo(3);
        assertThat(styles.get("dev/single").count()).isEqualTo(2);
        assertThat(styles.get("dev/multi-turn").count()).isEqualTo(1);
        assertThat(styles.get("dev/short").count()).isEqualTo(2);
        assertThat(styles.get("dev/long").count()).isEqualTo(1);
        assertThat(styles.get("dev/long").brier()).isCloseTo(0.81, within(1e-9));
        assertThat(Calibration.event(replies)).isEqualTo(Calibration.EVENT_RANKED);
    }

    @Test
    void over_http_only_answers_are_scored_on_being_resolved() {
        Cited right = new Cited("faq-1", null);
        Cited other = new Cited("faq-2", null);
        List<QuestionResult> replies = List.of(
                scorer.score(question("a", Kind.ANSWERABLE, List.of("社保卡丢了"), "faq-1"),
                        outcome("answer", 0.7, List.of(), right)),
                scorer.score(question("b", Kind.ANSWERABLE, List.of("社保卡丢了怎么办"), "faq-1"),
                        outcome("answer", 0.7, List.of(), other)),
                scorer.score(question("c", Kind.ANSWERABLE, List.of("社保卡"), "faq-1"),
                        outcome("clarify", 0.4, List.of())));
        Map<String, Calibration> styles = Calibration.byStyle("dev", replies, false);
        assertThat(styles.keySet()).containsExactly("dev", "dev/single", "dev/short");
        Calibration all = styles.get("dev");
        assertThat(all.count()).isEqualTo(2);
        assertThat(all.bins().get(7).accuracy()).isEqualTo(0.5);
        assertThat(all.ece()).isCloseTo(0.2, within(1e-9));
        assertThat(Calibration.event(replies)).isEqualTo(Calibration.EVENT_ANSWERED);
    }

    @Test
    void dialogue_files_are_not_split_by_turns() {
        List<QuestionResult> replies = List.of(scorer.score(
                question("d#1", Kind.ANSWERABLE, List.of("社保卡丢了"), "faq-1"),
                outcome("answer", 0.7, List.of(new Cited("faq-1", null)), new Cited("faq-1", null))));
        assertThat(Calibration.byStyle("dialogues-dev", replies, true).keySet())
                .containsExactly("dialogues-dev", "dialogues-dev/short");
    }
}
