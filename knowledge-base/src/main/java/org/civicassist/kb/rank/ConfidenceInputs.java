package org.civicassist.kb.rank;

import java.util.List;

/** What the calibrator reads off a ranked list to estimate the probability that its first candidate is right. */
public final class ConfidenceInputs {

    /**
     * The first candidate's own features the calibrator reads besides its score. Few on purpose: a few hundred
     * labelled questions fit a handful of inputs; with every feature (correlated with the score and each other) the
     * calibrator memorised its questions and, in nested cross-validation on the demo KB, resolved about 5 points fewer
     * questions at the same wrong-answer rate.
     */
    static final List<String> TOP_FEATURES = List.of("aspect_miss", "is_faq", "dense_cos", "lexq_norm", "coverage",
            "title_cov", "topic_match", "query_chars", "unknown_share", "in_topic");

    public static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(
                "top_score",     // ranking-model logit of the first candidate
                "margin",        // its lead over the best candidate of another service
                "margin_next",   // its lead over the second candidate, whatever its service
                "rival_cos_gap", // its dense cosine minus that of the best candidate of another service
                "foreign_place"  // the question names a place the knowledge base never mentions (another city's rules?)
        ));
        TOP_FEATURES.forEach(f -> names.add("top_" + f));
        return List.copyOf(names);
    }

    /** Lead assumed when every candidate belongs to the same service. */
    static final double NO_RIVAL_MARGIN = 5.0;

    private ConfidenceInputs() {
    }

    /** Inputs of a ranking for a question that names no place unknown to the KB. */
    public static double[] of(List<Candidate> ranked) {
        return of(ranked, false);
    }

    public static double[] of(List<Candidate> ranked, boolean foreignPlace) {
        double[] x = new double[NAMES.size()];
        x[4] = foreignPlace ? 1 : 0;
        if (ranked.isEmpty()) {
            return x;
        }
        Candidate top = ranked.get(0);
        x[0] = top.score();
        x[1] = NO_RIVAL_MARGIN;
        x[3] = 0;
        for (Candidate c : ranked) {
            if (!c.passage().serviceId().equals(top.passage().serviceId())) {
                x[1] = Math.min(NO_RIVAL_MARGIN, top.score() - c.score());
                x[3] = top.features().get("dense_cos") - c.features().get("dense_cos");
                break;
            }
        }
        x[2] = ranked.size() > 1 ? Math.min(NO_RIVAL_MARGIN, top.score() - ranked.get(1).score()) : NO_RIVAL_MARGIN;
        for (int i = 0; i < TOP_FEATURES.size(); i++) {
            x[5 + i] = top.features().get(TOP_FEATURES.get(i));
        }
        return x;
    }

}
