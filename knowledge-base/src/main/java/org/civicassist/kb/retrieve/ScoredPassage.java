package org.civicassist.kb.retrieve;

import org.civicassist.kb.passage.Passage;

/** A passage with the score one retriever gave it, and its rank (0-based) in that retriever's list. */
public record ScoredPassage(int ord, Passage passage, double score, int rank) {
}
