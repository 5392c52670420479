package org.civicassist.kb.rank;

import org.civicassist.kb.passage.Passage;

/** A passage the ranker considered, with its evidence and its score under the ranking model. */
public record Candidate(Passage passage, Features features, double score) {
}
