package org.civicassist.kb.search;

import org.civicassist.kb.rank.Candidate;

import java.util.List;
import java.util.Optional;

/**
 * Ranked candidates for a question and the calibrated probability that the first one answers it.
 *
 * @param foreignPlace the question names a place the knowledge base never mentions
 */
public record SearchResult(List<Candidate> candidates, double confidence, boolean foreignPlace) {

    public SearchResult(List<Candidate> candidates, double confidence) {
        this(candidates, confidence, false);
    }

    public SearchResult {
        candidates = List.copyOf(candidates);
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be a probability");
        }
    }

    public static SearchResult empty() {
        return new SearchResult(List.of(), 0);
    }

    public Optional<Candidate> top() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }
}
