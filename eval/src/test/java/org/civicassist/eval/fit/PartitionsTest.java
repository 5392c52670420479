package org.civicassist.eval.fit;

import org.civicassist.kb.rank.RankingModelFitter;
import org.civicassist.kb.rank.RankingModelFitter.LabeledQuestion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionsTest {

    private static ModelFit.Training training(int n) {
        List<LabeledQuestion> questions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            questions.add(new LabeledQuestion("q" + i, List.of(), Set.of("item" + i)));
        }
        return new ModelFit.Training(questions, List.of(new LabeledQuestion("s", List.of(), Set.of("x"))));
    }

    private static List<String> ids(ModelFit.Training t) {
        return t.labeled().stream().map(LabeledQuestion::id).toList();
    }

    @Test
    void partition_zero_is_the_questions_order__every_other_one_a_fixed_shuffle_of_the_same_questions() {
        ModelFit.Training t = training(50);

        assertThat(Partitions.partition(t, 0)).isSameAs(t);
        assertThat(ids(Partitions.partition(t, 1))).containsExactlyInAnyOrderElementsOf(ids(t))
                .isNotEqualTo(ids(t))
                .isEqualTo(ids(Partitions.partition(t, 1)))
                .isNotEqualTo(ids(Partitions.partition(t, 2)));
        assertThat(Partitions.partition(t, 1).selfSupervised()).isEqualTo(t.selfSupervised());
    }

    private static RankingModelFitter.Fit fit(double recall, double styleRecall) {
        return new RankingModelFitter.Fit(null, recall, 0.7, 0.1, 10,
                Map.of("dev", new RankingModelFitter.StyleFigures(10, styleRecall, 0.6, 0.1, 0.8, Double.NaN)), 1.0);
    }

    @Test
    void the_summary_gives_each_figures_mean_and_range_over_the_partitions() {
        String table = Partitions.markdown(List.of(fit(0.86, 0.80), fit(0.88, 0.84), fit(0.87, 0.82)));

        assertThat(table).contains("3 partitions")
                .contains("| Recall@1 | 0.870 | 0.860 | 0.880 |")
                .contains("| dev Recall@1 | 0.820 | 0.800 | 0.840 |")
                .contains("| expected resolution | 0.700 | 0.700 | 0.700 |");
    }
}
