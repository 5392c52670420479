package org.civicassist.kb.rank;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RankingModelFitterTest {

    private static Candidate candidate(String id) {
        Passage p = new Passage(id, PassageKind.FAQ, id, null, null, "t", "d", List.of("q"), "x", null);
        return new Candidate(p, new Features().set("coverage", 0.5), 0);
    }

    /**
     * Questions whose right item is always second among candidates the features cannot tell apart: never first, so
     * never answered rightly at the threshold, yet always among the options a clarify offers.
     */
    private static List<RankingModelFitter.LabeledQuestion> rightItemSecond(int n) {
        List<RankingModelFitter.LabeledQuestion> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            String wrong = "q" + q + "-a";
            String right = "q" + q + "-b";
            out.add(new RankingModelFitter.LabeledQuestion("q" + q, List.of(candidate(wrong), candidate(right)),
                    Set.of(right), false, "dev"));
        }
        return out;
    }

    @Test
    void a_right_item_always_offered_but_never_first_is_resolved_within_one_click_out_of_fold_not_at_the_threshold() {
        RankingModelFitter.Fit fit = new RankingModelFitter().fit(rightItemSecond(60),
                RankingModelFitter.Settings.defaults());

        RankingModelFitter.StyleFigures dev = fit.byStyle().get("dev");
        assertThat(dev.recallAt1()).isZero();
        assertThat(dev.resolution()).isZero();
        assertThat(dev.withinOneClick()).isEqualTo(1.0);
    }

    /** Calibrator rows whose first {@code copies} inputs are all the same signal s, right with odds e^(slope·s). */
    private static RankingModelFitter.CalibrationRows rows(int n, int copies, double slope, long seed) {
        Random random = new Random(seed);
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double s = random.nextGaussian();
            double[] row = new double[ConfidenceInputs.NAMES.size()];
            for (int c = 0; c < copies; c++) {
                row[c] = s;
            }
            x.add(row);
            y.add(random.nextDouble() < 1 / (1 + Math.exp(-slope * s)) ? 1 : 0);
        }
        return new RankingModelFitter.CalibrationRows(x, y);
    }

    @Test
    void collinear_copies_of_one_input_get_a_stronger_calibrator_penalty_than_the_input_alone() {
        RankingModelFitter.CalibrationRows alone = rows(600, 1, 3, 7);
        RankingModelFitter.CalibrationRows copies = rows(600, 3, 3, 7); // the same signal and labels, three times

        assertThat(RankingModelFitter.choosePenalty(copies.inputs(), copies.right()))
                .isGreaterThan(RankingModelFitter.choosePenalty(alone.inputs(), alone.right()));
    }

    @Test
    void inputs_that_do_not_tell_right_from_wrong_get_the_strongest_calibrator_penalty() {
        RankingModelFitter.CalibrationRows r = rows(400, 3, 0, 5);

        double[] grid = RankingModelFitter.CALIBRATOR_L2_GRID;
        assertThat(RankingModelFitter.choosePenalty(r.inputs(), r.right())).isEqualTo(grid[grid.length - 1]);
    }

    @Test
    void a_penalty_that_would_flatten_a_sharp_calibrator_is_not_chosen() {
        RankingModelFitter.CalibrationRows r = rows(300, 1, 12, 11);

        double[] grid = RankingModelFitter.CALIBRATOR_L2_GRID;
        assertThat(RankingModelFitter.choosePenalty(r.inputs(), r.right())).isLessThan(grid[grid.length - 1]);
    }

    @Test
    void a_fit_reports_the_calibrator_penalty_it_used_fixed_or_chosen() {
        List<RankingModelFitter.LabeledQuestion> questions = rightItemSecond(60);

        assertThat(new RankingModelFitter().fit(questions, new RankingModelFitter.Settings(0.1, 7, 0.1))
                .calibratorL2()).isEqualTo(7);
        assertThat(RankingModelFitter.CALIBRATOR_L2_GRID).contains(new RankingModelFitter().fit(questions,
                RankingModelFitter.Settings.defaults()).calibratorL2());
    }

    private static Candidate candidate(String id, double coverage) {
        Passage p = new Passage(id, PassageKind.FAQ, id, null, null, "t", "d", List.of("q"), "x", null);
        return new Candidate(p, new Features().set("coverage", coverage), 0);
    }

    @Test
    void out_of_fold_figures_say_how_many_out_of_scope_questions_stay_unanswered_in_each_style() {
        List<RankingModelFitter.LabeledQuestion> questions = new ArrayList<>();
        for (int q = 0; q < 80; q++) { // the right item covers the question, the other one half of it
            questions.add(new RankingModelFitter.LabeledQuestion("a" + q, List.of(candidate("a" + q + "-right", 0.9),
                    candidate("a" + q + "-other", 0.5)), Set.of("a" + q + "-right"), false, "dev"));
        }
        for (int q = 0; q < 20; q++) { // out of scope: nothing covers it, except three that look answerable
            double top = q < 3 ? 0.9 : 0.1;
            questions.add(new RankingModelFitter.LabeledQuestion("o" + q, List.of(candidate("o" + q + "-a", top),
                    candidate("o" + q + "-b", 0.05)), Set.of(), false, "dev"));
        }
        questions.addAll(rightItemSecond(20).stream().map(q -> new RankingModelFitter.LabeledQuestion(q.id(),
                q.candidates(), q.expected(), false, "common")).toList());

        RankingModelFitter.Fit fit = new RankingModelFitter().fit(questions, RankingModelFitter.Settings.defaults());

        assertThat(fit.byStyle().get("dev").outOfScopeNotAnswered()).isEqualTo(17 / 20.0);
        assertThat(fit.byStyle().get("common").outOfScopeNotAnswered()).isNaN();
    }
}
