package org.civicassist.kb.rank;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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
}
