package org.civicassist.kb.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Fits {@link RankingModels} on labelled questions (the dev set of a KB):
 * <ol>
 *   <li>the scorer, by a {@link ScorerTrainer} minimising the pairwise logistic loss: every right candidate of a
 *       question should outscore every wrong one (each question weighs the same). The default is a linear model;
 *       {@code eval.jar fit --scorer trees} plugs in gradient-boosted trees;</li>
 *   <li>the calibrator, by logistic regression of "the first candidate is right" on {@link ConfidenceInputs}, fitted
 *       on out-of-fold rankings so it is not fooled by the scorer's fit to the same questions; questions with no
 *       right answer in the KB (out of scope) are negatives. Its L2 penalty is chosen by cross-validation unless the
 *       settings fix it (see {@link #choosePenalty});</li>
 *   <li>the answer threshold: the lowest calibrated confidence at which, out of fold, the wrong-answer rate among
 *       answered questions stays within the target; the clarify threshold: the confidence below which the right item
 *       is among the first {@value #CLARIFY_OPTIONS} candidates for fewer than half of the questions (asking would
 *       not help).</li>
 * </ol>
 */
public final class RankingModelFitter {

    static final int FOLDS = 5;

    /**
     * Fits a candidate scorer on labelled questions (and, weighing less, self-supervised ones) with the pairwise
     * logistic loss, so that score differences are pairwise logits whatever the scorer's form.
     */
    @FunctionalInterface
    public interface ScorerTrainer {
        CandidateScorer train(List<LabeledQuestion> questions, List<LabeledQuestion> selfSupervised,
                              Settings settings);
    }

    /** The linear scorer: pairwise logistic regression over the features. */
    public static final ScorerTrainer LINEAR = RankingModelFitter::fitScorer;

    private final ScorerTrainer trainer;

    public RankingModelFitter() {
        this(LINEAR);
    }

    public RankingModelFitter(ScorerTrainer trainer) {
        this.trainer = trainer;
    }
    static final int CLARIFY_OPTIONS = 4;

    /**
     * A question with the candidates the pipeline ranked for it (with their features) and the citation keys that
     * answer it; {@code expected} is empty for a question the KB cannot answer. {@code style} names the kind of question
     * (the file it came from: long colloquial questions, short common ones …) so that the fit reports each style.
     */
    public record LabeledQuestion(String id, List<Candidate> candidates, Set<String> expected, boolean foreignPlace,
                                  String style) {
        public LabeledQuestion(String id, List<Candidate> candidates, Set<String> expected, boolean foreignPlace) {
            this(id, candidates, expected, foreignPlace, "");
        }

        public LabeledQuestion(String id, List<Candidate> candidates, Set<String> expected) {
            this(id, candidates, expected, false);
        }

        public LabeledQuestion {
            candidates = List.copyOf(candidates);
            expected = Set.copyOf(expected);
        }

        public boolean isRight(Candidate c) {
            return expected.contains(c.passage().itemId()) || expected.contains(c.passage().citationKey());
        }

        public boolean answerable() {
            return !expected.isEmpty();
        }
    }

    /** The calibrator's penalty is chosen among {@link #CALIBRATOR_L2_GRID} by cross-validation. */
    public static final double CALIBRATOR_L2_BY_CROSS_VALIDATION = Double.NaN;

    /** The penalties {@link #choosePenalty} chooses among, each about three times the one before. */
    static final double[] CALIBRATOR_L2_GRID = {0.3, 1, 3, 10, 30, 100};

    /**
     * Settings of a fit.
     *
     * @param calibratorL2         the calibrator's L2 penalty, or {@link #CALIBRATOR_L2_BY_CROSS_VALIDATION}
     * @param selfSupervisedWeight weight of each self-supervised question (see {@link #fit(List, List, Settings)})
     *                             relative to a labelled one
     */
    public record Settings(double scorerL2, double calibratorL2, double maxWrongAnswerRate,
                           double selfSupervisedWeight) {
        public Settings {
            if (!Double.isNaN(calibratorL2) && calibratorL2 < 0) {
                throw new IllegalArgumentException("the calibrator's L2 penalty must not be negative: " + calibratorL2);
            }
        }

        public Settings(double scorerL2, double calibratorL2, double maxWrongAnswerRate) {
            this(scorerL2, calibratorL2, maxWrongAnswerRate, 0.5);
        }

        public static Settings defaults() {
            return new Settings(0.1, CALIBRATOR_L2_BY_CROSS_VALIDATION, 0.10, 0.5);
        }

        boolean calibratorL2Chosen() {
            return Double.isNaN(calibratorL2);
        }
    }

    /**
     * The fitted models and how they did out of fold, overall and for each style of question; {@code calibratorL2} is
     * the penalty the calibrator was fitted with (the settings' or the one cross-validation chose).
     */
    public record Fit(RankingModels models, double crossValidatedRecallAt1, double expectedResolution,
                      double expectedWrongAnswerRate, int questions, Map<String, StyleFigures> byStyle,
                      double calibratorL2) {
    }

    /**
     * Out-of-fold figures of one style of question: Recall@1 of the scorer, resolution and wrong-answer rate at the
     * fitted answer threshold with out-of-fold confidences, and resolution within one click: answered rightly, or
     * below the answer threshold but not below the clarify one with the right item among the first
     * {@value #CLARIFY_OPTIONS} offered (the threshold alone again: no service card, no element rule); and the share
     * of its questions the KB cannot answer (out of scope) left unanswered at the threshold, NaN when it has none.
     */
    public record StyleFigures(int questions, double recallAt1, double resolution, double wrongAnswerRate,
                               double withinOneClick, double outOfScopeNotAnswered) {
    }

    public Fit fit(List<LabeledQuestion> questions, Settings settings) {
        return fit(questions, List.of(), settings);
    }

    /**
     * As {@link #fit(List, Settings)}, with self-supervised questions that only the scorer learns from: sentences of
     * the KB's own guide sections asked as questions, answered by their section (the inverse cloze task). Citizens'
     * questions teach the scorer colloquial matching; these teach it that document-style questions are answered by
     * the passage whose words they share, so the ranking holds on KBs of long documents too. They play no part in
     * calibration or thresholds.
     */
    public Fit fit(List<LabeledQuestion> questions, List<LabeledQuestion> selfSupervised, Settings settings) {
        List<LabeledQuestion> answerable = questions.stream().filter(LabeledQuestion::answerable).toList();
        if (answerable.isEmpty()) {
            throw new IllegalArgumentException("no answerable questions to fit on");
        }
        // out-of-fold rankings: each question ranked by a scorer that never saw it
        List<double[]> oofInputs = new ArrayList<>();
        List<Integer> oofRight = new ArrayList<>();
        List<Boolean> oofRightInTop = new ArrayList<>();
        List<LabeledQuestion> oofQuestions = new ArrayList<>();
        int recalled = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabeledQuestion> train = new ArrayList<>();
            List<LabeledQuestion> test = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                (i % FOLDS == fold ? test : train).add(questions.get(i));
            }
            CandidateScorer scorer = trainer.train(train, selfSupervised, settings);
            for (LabeledQuestion q : test) {
                List<Candidate> ranked = rerank(q.candidates(), scorer);
                boolean right = !ranked.isEmpty() && q.isRight(ranked.get(0));
                if (right) {
                    recalled++;
                }
                oofInputs.add(ConfidenceInputs.of(ranked, q.foreignPlace()));
                oofRight.add(right ? 1 : 0);
                oofRightInTop.add(ranked.stream().limit(CLARIFY_OPTIONS).anyMatch(q::isRight));
                oofQuestions.add(q);
            }
        }
        double l2 = settings.calibratorL2Chosen() ? choosePenalty(oofInputs, oofRight) : settings.calibratorL2();
        LinearModel calibrator = LogisticRegression.fitStandardised(ConfidenceInputs.NAMES, oofInputs, oofRight,
                ones(oofInputs.size()), l2);
        // thresholds from confidences the calibrator gave questions it never saw, so that the expected figures are
        // honest and a calibrator that merely memorises the questions cannot set them; when the penalty is chosen,
        // each fold chooses it on its own training part, so the choice has not seen the question either
        List<Double> p = outOfFoldConfidences(oofInputs, oofRight,
                x -> settings.calibratorL2Chosen() ? choosePenalty(x.inputs(), x.right()) : settings.calibratorL2());

        Thresholds t = thresholds(p, oofRight, oofRightInTop, settings.maxWrongAnswerRate(), answerable.size());
        RankingModels models = new RankingModels(trainer.train(questions, selfSupervised, settings), calibrator, t.answer,
                Math.min(t.clarify, t.answer));
        return new Fit(models, recalled / (double) answerable.size(), t.resolution, t.wrongRate, questions.size(),
                byStyle(oofQuestions, oofRight, oofRightInTop, p, t.answer, Math.min(t.clarify, t.answer)), l2);
    }

    /** Calibrator inputs with whether the first candidate was right, one row per question. */
    record CalibrationRows(List<double[]> inputs, List<Integer> right) {
    }

    /**
     * The calibrator's penalty: the strongest of {@link #CALIBRATOR_L2_GRID} whose cross-validated log loss is within
     * one standard error of the best one (the "one standard error" rule, the error's spread taken across the folds).
     * The calibrator's inputs are collinear (the first candidate's score, its dense cosine, its lead over a rival all
     * say "sure"), so the log loss is flat along some directions of the weights and a weak penalty lets successive
     * fits wander along them: the thresholds of two refits of the same code differed by 0.09. The strongest penalty
     * that predicts as well pins the weights down.
     */
    static double choosePenalty(List<double[]> inputs, List<Integer> right) {
        int n = inputs.size();
        double[][] loss = new double[CALIBRATOR_L2_GRID.length][];
        double[] mean = new double[CALIBRATOR_L2_GRID.length];
        int best = 0;
        for (int g = 0; g < CALIBRATOR_L2_GRID.length; g++) {
            double l2 = CALIBRATOR_L2_GRID[g];
            List<Double> p = outOfFoldConfidences(inputs, right, rows -> l2);
            loss[g] = new double[n];
            for (int i = 0; i < n; i++) {
                double pi = Math.min(1 - 1e-9, Math.max(1e-9, p.get(i)));
                loss[g][i] = right.get(i) == 1 ? -Math.log(pi) : -Math.log(1 - pi);
                mean[g] += loss[g][i] / n;
            }
            if (mean[g] < mean[best]) {
                best = g;
            }
        }
        // the standard error of the best penalty's loss across the folds, as glmnet's lambda.1se takes it
        double[] foldLoss = new double[FOLDS];
        int[] foldSize = new int[FOLDS];
        for (int i = 0; i < n; i++) {
            foldLoss[i % FOLDS] += loss[best][i];
            foldSize[i % FOLDS]++;
        }
        double variance = 0;
        for (int f = 0; f < FOLDS; f++) {
            variance += Math.pow(foldLoss[f] / foldSize[f] - mean[best], 2) / (FOLDS - 1);
        }
        double limit = mean[best] + Math.sqrt(variance / FOLDS);
        int chosen = best;
        for (int g = best + 1; g < CALIBRATOR_L2_GRID.length; g++) {
            if (mean[g] <= limit) {
                chosen = g;
            }
        }
        return CALIBRATOR_L2_GRID[chosen];
    }

    private static List<Double> outOfFoldConfidences(List<double[]> inputs, List<Integer> right,
                                                     ToDoubleFunction<CalibrationRows> penalty) {
        Double[] p = new Double[inputs.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (i % FOLDS != fold) {
                    x.add(inputs.get(i));
                    y.add(right.get(i));
                }
            }
            LinearModel calibrator = LogisticRegression.fitStandardised(ConfidenceInputs.NAMES, x, y, ones(x.size()),
                    penalty.applyAsDouble(new CalibrationRows(x, y)));
            for (int i = fold; i < inputs.size(); i += FOLDS) {
                p[i] = calibrator.probability(inputs.get(i));
            }
        }
        return List.of(p);
    }

    private static Map<String, StyleFigures> byStyle(List<LabeledQuestion> questions, List<Integer> right,
                                                     List<Boolean> rightInTop, List<Double> confidence,
                                                     double answerThreshold, double clarifyThreshold) {
        // questions, answerable, right first, answered, answered right, right offered to click, out of scope answered
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < questions.size(); i++) {
            LabeledQuestion q = questions.get(i);
            int[] c = counts.computeIfAbsent(q.style(), k -> new int[7]);
            boolean answered = confidence.get(i) >= answerThreshold;
            c[0]++;
            c[1] += q.answerable() ? 1 : 0;
            c[2] += right.get(i);
            c[3] += answered ? 1 : 0;
            c[4] += answered && right.get(i) == 1 ? 1 : 0;
            c[5] += !answered && confidence.get(i) >= clarifyThreshold && rightInTop.get(i) ? 1 : 0;
            c[6] += answered && !q.answerable() ? 1 : 0;
        }
        Map<String, StyleFigures> out = new LinkedHashMap<>();
        counts.forEach((style, c) -> out.put(style, new StyleFigures(c[0], c[2] / (double) Math.max(1, c[1]),
                c[4] / (double) Math.max(1, c[1]), (c[3] - c[4]) / (double) Math.max(1, c[3]),
                (c[4] + c[5]) / (double) Math.max(1, c[1]),
                c[0] == c[1] ? Double.NaN : 1 - c[6] / (double) (c[0] - c[1]))));
        return out;
    }

    private record Thresholds(double answer, double clarify, double resolution, double wrongRate) {
    }

    private static Thresholds thresholds(List<Double> p, List<Integer> right, List<Boolean> rightInTop,
                                         double maxWrong, int answerable) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> p.get(i)).reversed());
        // answer threshold: walk down the confidences, keep the lowest one whose answered set is within maxWrong
        double answer = 1.0;
        double resolution = 0;
        double wrongRate = 0;
        int answered = 0;
        int wrong = 0;
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            answered++;
            if (right.get(i) == 0) {
                wrong++;
            }
            boolean boundary = k + 1 == order.size() || p.get(order.get(k + 1)) < p.get(i);
            if (boundary && wrong <= maxWrong * answered) {
                answer = p.get(i);
                resolution = (answered - wrong) / (double) answerable;
                wrongRate = wrong / (double) answered;
            }
        }
        // clarify threshold: below it, offering the first options rarely contains the right one
        double clarify = 0;
        int window = 20;
        for (int k = 0; k + window <= order.size(); k++) {
            double share = 0;
            for (int j = k; j < k + window; j++) {
                share += rightInTop.get(order.get(j)) ? 1 : 0;
            }
            if (share / window < 0.5) {
                clarify = p.get(order.get(k));
                break;
            }
        }
        return new Thresholds(answer, clarify, resolution, wrongRate);
    }

    static LinearModel fitScorer(List<LabeledQuestion> questions, List<LabeledQuestion> selfSupervised,
                                 Settings settings) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        addPairs(questions, 1.0, x, y, w);
        addPairs(selfSupervised, settings.selfSupervisedWeight(), x, y, w);
        return LogisticRegression.fit(Features.NAMES, x, y, w, settings.scorerL2(), false);
    }

    private static void addPairs(List<LabeledQuestion> questions, double questionWeight, List<double[]> x,
                                 List<Integer> y, List<Double> w) {
        for (LabeledQuestion q : questions) {
            List<Candidate> right = q.candidates().stream().filter(q::isRight).toList();
            List<Candidate> wrong = q.candidates().stream().filter(c -> !q.isRight(c)).toList();
            if (right.isEmpty() || wrong.isEmpty()) {
                continue;
            }
            double weight = questionWeight / (right.size() * wrong.size());
            for (Candidate r : right) {
                double[] fr = r.features().values();
                for (Candidate n : wrong) {
                    double[] fn = n.features().values();
                    double[] d = new double[fr.length];
                    double[] e = new double[fr.length];
                    for (int i = 0; i < fr.length; i++) {
                        d[i] = fr[i] - fn[i];
                        e[i] = -d[i];
                    }
                    x.add(d);
                    y.add(1);
                    w.add(weight);
                    x.add(e);
                    y.add(0);
                    w.add(weight);
                }
            }
        }
    }

    static List<Candidate> rerank(List<Candidate> candidates, CandidateScorer scorer) {
        ToDoubleFunction<Candidate> score = c -> scorer.score(c.features().values());
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(new Candidate(c.passage(), c.features(), score.applyAsDouble(c)));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return out;
    }

    private static List<Double> ones(int n) {
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(1.0);
        }
        return out;
    }
}
