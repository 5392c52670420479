package org.civicassist.kb.rank;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A logistic model over named inputs: {@code p = σ(bias + Σ wᵢ·xᵢ)}. Used twice: to score candidates (inputs are
 * {@link Features}) and to turn the ranking into a calibrated confidence (inputs are {@link ConfidenceInputs}).
 * Stored as JSON so that a fitted model travels with the index and maintainers can read it.
 */
public record LinearModel(List<String> inputs, double bias, double[] weights) implements CandidateScorer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LinearModel {
        inputs = List.copyOf(inputs);
        if (weights.length != inputs.size()) {
            throw new IllegalArgumentException("one weight per input");
        }
        weights = weights.clone();
    }

    public double logit(double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    @Override
    public double score(double[] x) {
        return logit(x);
    }

    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logit(x)));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("bias", bias);
        ObjectNode w = node.putObject("weights");
        for (int i = 0; i < inputs.size(); i++) {
            w.put(inputs.get(i), weights[i]);
        }
        return node;
    }

    /** Reads weights by name; inputs missing from the JSON weigh 0, names not in {@code inputs} are an error. */
    public static LinearModel fromJson(JsonNode node, List<String> inputs) {
        Map<String, Double> byName = new LinkedHashMap<>();
        JsonNode w = node.get("weights");
        if (w != null) {
            for (Map.Entry<String, JsonNode> e : w.properties()) {
                if (!inputs.contains(e.getKey())) {
                    throw new IllegalArgumentException("unknown model input '" + e.getKey() + "'");
                }
                byName.put(e.getKey(), e.getValue().asDouble());
            }
        }
        double[] weights = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            weights[i] = byName.getOrDefault(inputs.get(i), 0.0);
        }
        JsonNode bias = node.get("bias");
        return new LinearModel(inputs, bias == null ? 0 : bias.asDouble(), weights);
    }
}
