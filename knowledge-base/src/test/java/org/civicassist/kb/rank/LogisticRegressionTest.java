package org.civicassist.kb.rank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticRegressionTest {

    private static final List<String> INPUTS = List.of("signal", "rare_flag");

    /** Right with odds e^(2·signal), except that one example in twenty carries a flag and is never right. */
    private record Data(List<double[]> x, List<Integer> y, List<Double> w) {
        static Data of(int n, long seed) {
            Random random = new Random(seed);
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double signal = random.nextGaussian();
                boolean flagged = random.nextDouble() < 0.05;
                x.add(new double[]{signal, flagged ? 1 : 0});
                y.add(!flagged && random.nextDouble() < 1 / (1 + Math.exp(-2 * signal)) ? 1 : 0);
                w.add(1.0);
            }
            return new Data(x, y, w);
        }
    }

    @Test
    void a_standardised_fit_reads_raw_inputs_and_without_penalty_finds_the_same_model() {
        Data d = Data.of(800, 3);

        LinearModel plain = LogisticRegression.fit(INPUTS, d.x(), d.y(), d.w(), 1e-6, true);
        LinearModel standardised = LogisticRegression.fitStandardised(INPUTS, d.x(), d.y(), d.w(), 1e-6);

        for (double[] row : List.of(new double[]{0.5, 0}, new double[]{-1, 0}, new double[]{1, 1})) {
            assertThat(standardised.probability(row)).isCloseTo(plain.probability(row), within(1e-4));
        }
    }

    @Test
    void a_rare_flag_keeps_its_weight_under_a_penalty_that_shrinks_it_away_unscaled() {
        Data d = Data.of(800, 5);
        double[] flaggedAndSure = {1.5, 1};

        double unscaled = LogisticRegression.fit(INPUTS, d.x(), d.y(), d.w(), 30, true).probability(flaggedAndSure);
        double standardised = LogisticRegression.fitStandardised(INPUTS, d.x(), d.y(), d.w(), 30)
                .probability(flaggedAndSure);

        assertThat(standardised).isLessThan(0.5);
        assertThat(unscaled).isGreaterThan(standardised + 0.2);
    }
}
