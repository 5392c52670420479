package org.civicassist.kb.rank;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Scores a candidate from its {@link Features}: the higher, the likelier it answers the question. Differences of scores
 * are pairwise logits (how much likelier one candidate answers than another), whatever the model's form, because every
 * scorer is fitted with the pairwise logistic loss; the decision layer relies on that scale.
 */
public sealed interface CandidateScorer permits LinearModel, TreeEnsemble {

    double score(double[] features);

    List<String> inputs();

    ObjectNode toJson();

    /** Reads a scorer written by {@link #toJson()}: a tree ensemble when it says {@code "type": "trees"}. */
    static CandidateScorer fromJson(JsonNode node, List<String> inputs) {
        JsonNode type = node.get("type");
        if (type != null && type.asString().equals(TreeEnsemble.TYPE)) {
            return TreeEnsemble.fromJson(node, inputs);
        }
        return LinearModel.fromJson(node, inputs);
    }
}
