package org.civicassist.eval.fit;

import org.civicassist.kb.rank.RankingModelFitter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * The fit repeated over several partitions of the questions into folds. One partition's out-of-fold figures move by
 * about ±0.01 in Recall@1 with the partition alone, more than many a change is worth; a change that holds in every
 * partition, compared on the same candidates and the same partitions, is one that holds. Partition 0 is the questions
 * in their order (what {@code fit} reports); partition k shuffles them with seed k.
 */
public final class Partitions {

    private Partitions() {
    }

    /** The training with its labelled questions in the order of partition {@code k} (0: as given). */
    static ModelFit.Training partition(ModelFit.Training training, int k) {
        if (k == 0) {
            return training;
        }
        List<RankingModelFitter.LabeledQuestion> shuffled = new ArrayList<>(training.labeled());
        Collections.shuffle(shuffled, new Random(k));
        return new ModelFit.Training(shuffled, training.selfSupervised());
    }

    /** The fits of partitions 1 … n−1, after {@code first}, the fit of partition 0. */
    public static List<RankingModelFitter.Fit> fit(RankingModelFitter.Fit first, ModelFit.Training training,
                                                   RankingModelFitter.Settings settings,
                                                   RankingModelFitter.ScorerTrainer trainer, int n) {
        List<RankingModelFitter.Fit> fits = new ArrayList<>(List.of(first));
        for (int k = 1; k < n; k++) {
            fits.add(ModelFit.fit(partition(training, k), settings, trainer));
        }
        return fits;
    }

    /** Mean and range over the partitions: overall, then each style's Recall@1, resolution and wrong-answer rate. */
    public static String markdown(List<RankingModelFitter.Fit> fits) {
        StringBuilder sb = new StringBuilder("| out of fold, " + fits.size()
                + " partitions | mean | min | max |\n|---|---|---|---|\n");
        row(sb, "Recall@1", fits, RankingModelFitter.Fit::crossValidatedRecallAt1);
        row(sb, "expected resolution", fits, RankingModelFitter.Fit::expectedResolution);
        for (String style : fits.get(0).byStyle().keySet()) {
            row(sb, style + " Recall@1", fits, f -> f.byStyle().get(style).recallAt1());
            row(sb, style + " resolution", fits, f -> f.byStyle().get(style).resolution());
            row(sb, style + " wrong-answer rate", fits, f -> f.byStyle().get(style).wrongAnswerRate());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, List<RankingModelFitter.Fit> fits,
                            ToDoubleFunction<RankingModelFitter.Fit> figure) {
        double[] v = fits.stream().mapToDouble(figure).toArray();
        sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name,
                Arrays.stream(v).average().orElse(Double.NaN),
                Arrays.stream(v).min().orElse(Double.NaN),
                Arrays.stream(v).max().orElse(Double.NaN)));
    }
}
