package org.civicassist.kb.rank;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A sum of regression trees over named inputs (gradient-boosted trees, fitted by {@code eval.jar fit --scorer trees}),
 * evaluated in plain Java so that serving needs no native library. Each tree is stored flat: node {@code i} either
 * splits on input {@code split[i]} (go to {@code yes[i]} when the value is below {@code threshold[i]}, else to
 * {@code no[i]}) or, when {@code split[i] < 0}, is a leaf worth {@code value[i]}. Values are compared as 32-bit floats,
 * as the trees were fitted.
 */
public record TreeEnsemble(List<String> inputs, double base, List<Tree> trees) implements CandidateScorer {

    static final String TYPE = "trees";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public TreeEnsemble {
        inputs = List.copyOf(inputs);
        trees = List.copyOf(trees);
        for (Tree t : trees) {
            t.check(inputs.size());
        }
    }

    /** One tree; the arrays are indexed by node, node 0 is the root. */
    public record Tree(int[] split, float[] threshold, int[] yes, int[] no, double[] value) {

        public Tree {
            int n = split.length;
            if (threshold.length != n || yes.length != n || no.length != n || value.length != n || n == 0) {
                throw new IllegalArgumentException("a tree needs one entry per node in every array");
            }
            split = split.clone();
            threshold = threshold.clone();
            yes = yes.clone();
            no = no.clone();
            value = value.clone();
        }

        double evaluate(double[] x) {
            int node = 0;
            while (split[node] >= 0) {
                node = (float) x[split[node]] < threshold[node] ? yes[node] : no[node];
            }
            return value[node];
        }

        private void check(int inputs) {
            int n = split.length;
            for (int i = 0; i < n; i++) {
                if (split[i] >= inputs) {
                    throw new IllegalArgumentException("tree splits on input " + split[i] + " of " + inputs);
                }
                // children come after their parent, so evaluation always ends at a leaf
                if (split[i] >= 0 && (yes[i] <= i || no[i] <= i || yes[i] >= n || no[i] >= n)) {
                    throw new IllegalArgumentException("tree node " + i + " has bad children");
                }
            }
        }
    }

    @Override
    public double score(double[] features) {
        double sum = base;
        for (Tree t : trees) {
            sum += t.evaluate(features);
        }
        return sum;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", TYPE);
        node.put("base", base);
        ArrayNode names = node.putArray("inputs");
        inputs.forEach(names::add);
        ArrayNode ts = node.putArray("trees");
        for (Tree t : trees) {
            ObjectNode o = ts.addObject();
            ArrayNode split = o.putArray("split");
            ArrayNode threshold = o.putArray("threshold");
            ArrayNode yes = o.putArray("yes");
            ArrayNode no = o.putArray("no");
            ArrayNode value = o.putArray("value");
            for (int i = 0; i < t.split().length; i++) {
                split.add(t.split()[i]);
                threshold.add(t.threshold()[i]);
                yes.add(t.yes()[i]);
                no.add(t.no()[i]);
                value.add(t.value()[i]);
            }
        }
        return node;
    }

    /**
     * Reads an ensemble stored by {@link #toJson()}. The file names the inputs its trees split on; they are mapped onto
     * {@code inputs} by name, so a model keeps working when features are added or reordered. An input the trees need
     * but {@code inputs} lacks is an error.
     */
    public static TreeEnsemble fromJson(JsonNode node, List<String> inputs) {
        List<String> stored = new ArrayList<>();
        node.required("inputs").forEach(n -> stored.add(n.asString()));
        int[] map = new int[stored.size()];
        for (int i = 0; i < stored.size(); i++) {
            map[i] = inputs.indexOf(stored.get(i));
        }
        List<Tree> trees = new ArrayList<>();
        for (JsonNode t : node.required("trees")) {
            int n = t.required("split").size();
            int[] split = new int[n];
            float[] threshold = new float[n];
            int[] yes = new int[n];
            int[] no = new int[n];
            double[] value = new double[n];
            for (int i = 0; i < n; i++) {
                int s = t.required("split").get(i).asInt();
                if (s >= 0 && (s >= map.length || map[s] < 0)) {
                    throw new IllegalArgumentException("the trees split on an unknown input "
                            + (s < stored.size() ? "'" + stored.get(s) + "'" : "#" + s));
                }
                split[i] = s < 0 ? -1 : map[s];
                threshold[i] = (float) t.required("threshold").get(i).asDouble();
                yes[i] = t.required("yes").get(i).asInt();
                no[i] = t.required("no").get(i).asInt();
                value[i] = t.required("value").get(i).asDouble();
            }
            trees.add(new Tree(split, threshold, yes, no, value));
        }
        return new TreeEnsemble(inputs, node.path("base").asDouble(0), trees);
    }
}
