package org.civicassist.kb.rank;

import java.util.List;

/** What the calibrator reads off a ranked list to estimate the probability that its first candidate is right. */
public final class ConfidenceInputs {

    public static final List<String> NAMES = List.of(
            "top_score",     // ranking-model logit of the first candidate
            "margin",        // its lead over the best candidate of another service
            "top_cos",       // dense cosine of the first candidate
            "top_coverage",  // share of the question's words it contains
            "top_dice"       // character-bigram overlap with its closest phrasing
    );

    /** Lead assumed when every candidate belongs to the same service. */
    static final double NO_RIVAL_MARGIN = 5.0;

    private ConfidenceInputs() {
    }

    public static double[] of(List<Candidate> ranked) {
        double[] x = new double[NAMES.size()];
        if (ranked.isEmpty()) {
            return x;
        }
        Candidate top = ranked.get(0);
        x[0] = top.score();
        x[1] = NO_RIVAL_MARGIN;
        for (Candidate c : ranked) {
            if (!c.passage().serviceId().equals(top.passage().serviceId())) {
                x[1] = Math.min(NO_RIVAL_MARGIN, top.score() - c.score());
                break;
            }
        }
        x[2] = top.features().get("dense_cos");
        x[3] = top.features().get("coverage");
        x[4] = top.features().get("question_dice");
        return x;
    }
}
