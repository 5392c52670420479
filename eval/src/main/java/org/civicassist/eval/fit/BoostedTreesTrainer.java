package org.civicassist.eval.fit;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.Features;
import org.civicassist.kb.rank.RankingModelFitter;
import org.civicassist.kb.rank.RankingModelFitter.LabeledQuestion;
import org.civicassist.kb.rank.TreeEnsemble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits gradient-boosted trees as the candidate scorer with XGBoost's pairwise ranking objective (the pairwise logistic
 * loss the linear scorer minimises too, so scores keep their meaning), then exports the trees as a
 * {@link TreeEnsemble} that the server evaluates in plain Java. Trees capture what a linear model cannot: that a
 * matching aspect matters only when the service is right, that a FAQ's question match outweighs its content match for
 * short questions, and so on. Each question is one group; self-supervised groups weigh less.
 */
public final class BoostedTreesTrainer implements RankingModelFitter.ScorerTrainer {

    /** Settings of the boosting; the defaults were chosen on out-of-fold Recall@1 of the dev questions. */
    public record Params(int rounds, int maxDepth, double eta, double minChildWeight, double lambda) {
        public static Params defaults() {
            return new Params(150, 4, 0.1, 1.0, 1.0);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Params params;

    public BoostedTreesTrainer(Params params) {
        this.params = params;
    }

    @Override
    public TreeEnsemble train(List<LabeledQuestion> questions, List<LabeledQuestion> selfSupervised,
                              RankingModelFitter.Settings settings) {
        List<float[]> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<Float> groupWeights = new ArrayList<>();
        add(questions, 1.0f, rows, labels, groups, groupWeights);
        add(selfSupervised, (float) settings.selfSupervisedWeight(), rows, labels, groups, groupWeights);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no question with both a right and a wrong candidate to fit on");
        }
        int d = Features.NAMES.size();
        float[] data = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * d, d);
        }
        try {
            DMatrix matrix = new DMatrix(data, rows.size(), d, Float.NaN);
            try {
                matrix.setLabel(toArray(labels));
                matrix.setGroup(groups.stream().mapToInt(Integer::intValue).toArray());
                matrix.setWeight(toArray(groupWeights));
                Booster booster = XGBoost.train(matrix, boosterParams(), params.rounds(), Map.of(), null, null);
                try {
                    List<TreeEnsemble.Tree> trees = new ArrayList<>();
                    for (String dump : booster.getModelDump((String) null, false, "json")) {
                        trees.add(tree(JSON.readTree(dump)));
                    }
                    TreeEnsemble sum = new TreeEnsemble(Features.NAMES, 0, trees);
                    // XGBoost adds its base score to every margin; take it from one prediction, then check that the
                    // exported trees score every training row as the booster does
                    float[][] margins = booster.predict(matrix, true, 0);
                    double base = margins[0][0] - sum.score(toDoubles(rows.get(0)));
                    TreeEnsemble exported = new TreeEnsemble(Features.NAMES, base, trees);
                    for (int i = 0; i < rows.size(); i++) {
                        double own = exported.score(toDoubles(rows.get(i)));
                        if (Math.abs(own - margins[i][0]) > 1e-3 * Math.max(1, Math.abs(own))) {
                            throw new IllegalStateException("exported trees score row " + i + " " + own
                                    + ", XGBoost " + margins[i][0]);
                        }
                    }
                    return exported;
                } finally {
                    booster.dispose();
                }
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> boosterParams() {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "rank:pairwise");
        // every right candidate against every wrong one, as the linear scorer's loss does
        p.put("lambdarank_pair_method", "topk");
        p.put("lambdarank_num_pair_per_sample", 64);
        p.put("eta", params.eta());
        p.put("max_depth", params.maxDepth());
        p.put("min_child_weight", params.minChildWeight());
        p.put("lambda", params.lambda());
        p.put("tree_method", "exact"); // deterministic, and the data are small
        p.put("nthread", 2);
        p.put("seed", 0);
        p.put("verbosity", 0);
        return p;
    }

    private static void add(List<LabeledQuestion> questions, float weight, List<float[]> rows, List<Float> labels,
                            List<Integer> groups, List<Float> groupWeights) {
        if (weight <= 0) {
            return;
        }
        for (LabeledQuestion q : questions) {
            long right = q.candidates().stream().filter(q::isRight).count();
            if (right == 0 || right == q.candidates().size()) {
                continue; // nothing to order
            }
            for (Candidate c : q.candidates()) {
                double[] v = c.features().values();
                float[] row = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    row[i] = (float) v[i];
                }
                rows.add(row);
                labels.add(q.isRight(c) ? 1f : 0f);
            }
            groups.add(q.candidates().size());
            groupWeights.add(weight);
        }
    }

    /** Flattens one tree of XGBoost's JSON dump, numbering nodes breadth first so children follow their parent. */
    static TreeEnsemble.Tree tree(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        Map<Integer, Integer> order = new HashMap<>();
        Deque<JsonNode> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            JsonNode n = queue.poll();
            order.put(n.required("nodeid").asInt(), nodes.size());
            nodes.add(n);
            n.path("children").forEach(queue::add);
        }
        int size = nodes.size();
        int[] split = new int[size];
        float[] threshold = new float[size];
        int[] yes = new int[size];
        int[] no = new int[size];
        double[] value = new double[size];
        for (int i = 0; i < size; i++) {
            JsonNode n = nodes.get(i);
            if (n.has("leaf")) {
                split[i] = -1;
                value[i] = n.required("leaf").asDouble();
            } else {
                split[i] = Integer.parseInt(n.required("split").asString().substring(1)); // "f12"
                threshold[i] = (float) n.required("split_condition").asDouble();
                yes[i] = order.get(n.required("yes").asInt());
                no[i] = order.get(n.required("no").asInt());
            }
        }
        return new TreeEnsemble.Tree(split, threshold, yes, no, value);
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static double[] toDoubles(float[] row) {
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i];
        }
        return out;
    }
}
