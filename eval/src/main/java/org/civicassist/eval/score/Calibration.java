package org.civicassist.eval.score;

import org.civicassist.eval.question.Question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How well the assistant's confidence is calibrated, for one question style: the expected calibration error (ECE,
 * {@value #BINS} equal-width bins of confidence, each bin's |observed accuracy − mean confidence| weighted by its
 * share of the replies), the Brier score (mean squared difference of confidence and outcome) and the reliability
 * table (per bin: count, mean confidence, observed accuracy).
 * <p>
 * The reply's confidence is the calibrated probability that the first candidate answers the question, so the event
 * it is scored against is, for each judged reply to an answerable question (dialogue turns with an expect included;
 * out-of-scope, human and context turns have no right item and are left out):
 * <ul>
 *   <li>when the ranking is observable (in process): the first ranked item matches an expected item
 *       ({@link QuestionResult#firstMatchRank()} is 1), whatever the reply type; a reply with no ranking carries no
 *       first candidate and is left out;</li>
 *   <li>when it is not (over HTTP no reply carries a ranking): among the {@code answer} replies only, the reply is
 *       resolved (its first citation, the candidate it answered with, matches an expected item). A clarify or
 *       handoff shows no single candidate, so it is left out.</li>
 * </ul>
 * A run observes the ranking when any of its replies carries one ({@link #rankingObservable}).
 *
 * @param style the question style ({@code dev}, {@code dev/short} …)
 * @param count the replies scored
 * @param ece   expected calibration error, null when no reply is scored
 * @param brier Brier score, null when no reply is scored
 * @param bins  the {@value #BINS} bins, lowest confidence first (empty bins included, with null means)
 */
public record Calibration(String style, int count, Double ece, Double brier, List<Bin> bins) {

    public static final int BINS = 10;

    /** Questions of at most this many characters (the judged turn) are "short". */
    public static final int SHORT_CHARS = 12;

    public static final String EVENT_RANKED = "first ranked item matches an expected item (replies to answerable "
            + "questions that carry a ranking)";
    public static final String EVENT_ANSWERED = "answer reply resolved, i.e. its first citation matches an expected "
            + "item (answer replies to answerable questions; no ranking observable)";

    /** One confidence bin [lower, upper) (the last includes 1): its replies, their mean confidence and accuracy. */
    public record Bin(double lower, double upper, int count, Double meanConfidence, Double accuracy) {
    }

    /** A reply's confidence and whether the event it is a probability of happened. */
    public record Sample(double confidence, boolean correct) {
    }

    public Calibration {
        bins = List.copyOf(bins);
    }

    /** The calibration of hand-made or judged samples. */
    public static Calibration of(String style, List<Sample> samples) {
        int[] n = new int[BINS];
        double[] conf = new double[BINS];
        int[] right = new int[BINS];
        double brier = 0;
        for (Sample s : samples) {
            double c = Math.max(0, Math.min(1, s.confidence()));
            int b = Math.min(BINS - 1, (int) Math.floor(c * BINS));
            n[b]++;
            conf[b] += c;
            right[b] += s.correct() ? 1 : 0;
            double y = s.correct() ? 1 : 0;
            brier += (c - y) * (c - y);
        }
        int total = samples.size();
        List<Bin> bins = new ArrayList<>(BINS);
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            Double mean = n[b] == 0 ? null : conf[b] / n[b];
            Double acc = n[b] == 0 ? null : (double) right[b] / n[b];
            if (n[b] > 0) {
                ece += (double) n[b] / total * Math.abs(acc - mean);
            }
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, n[b], mean, acc));
        }
        return new Calibration(style, total, total == 0 ? null : ece, total == 0 ? null : brier / total, bins);
    }

    /** Whether any reply carries a retrieval ranking (in process), which decides the event scored. */
    public static boolean rankingObservable(List<QuestionResult> replies) {
        return replies.stream().anyMatch(r -> !r.outcome().ranked().isEmpty());
    }

    /** The reply's sample, or empty when it is not scored (see the class comment). */
    public static Optional<Sample> sample(QuestionResult r, boolean rankingObservable) {
        if (r.question().kind() != Question.Kind.ANSWERABLE) {
            return Optional.empty();
        }
        if (rankingObservable) {
            return r.outcome().ranked().isEmpty() ? Optional.empty()
                    : Optional.of(new Sample(r.outcome().confidence(), r.firstMatchRank() == 1));
        }
        return r.outcome().isAnswer() && !r.outcome().citations().isEmpty()
                ? Optional.of(new Sample(r.outcome().confidence(), r.resolved())) : Optional.empty();
    }

    /**
     * The calibration per question style: {@code file} (all the run's replies), then for a file of single questions
     * {@code file/single} and {@code file/multi-turn}, then {@code file/short} (judged turn of at most
     * {@value #SHORT_CHARS} characters) and {@code file/long}. A split without scored replies is left out.
     */
    public static Map<String, Calibration> byStyle(String file, List<QuestionResult> replies, boolean dialogues) {
        boolean ranking = rankingObservable(replies);
        Map<String, Predicate<QuestionResult>> styles = new LinkedHashMap<>();
        styles.put(file, r -> true);
        if (!dialogues) {
            styles.put(file + "/single", r -> !r.question().multiTurn());
            styles.put(file + "/multi-turn", r -> r.question().multiTurn());
        }
        styles.put(file + "/short", Calibration::isShort);
        styles.put(file + "/long", r -> !isShort(r));
        Map<String, Calibration> out = new LinkedHashMap<>();
        styles.forEach((style, in) -> {
            List<Sample> samples = replies.stream().filter(in)
                    .flatMap(r -> sample(r, ranking).stream()).toList();
            if (style.equals(file) || !samples.isEmpty()) {
                out.put(style, of(style, samples));
            }
        });
        return out;
    }

    /** The event scored for these replies, in words. */
    public static String event(List<QuestionResult> replies) {
        return rankingObservable(replies) ? EVENT_RANKED : EVENT_ANSWERED;
    }

    static boolean isShort(QuestionResult r) {
        String text = r.question().lastTurn().strip();
        return text.codePointCount(0, text.length()) <= SHORT_CHARS;
    }
}
