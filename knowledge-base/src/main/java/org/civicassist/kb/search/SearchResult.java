package org.civicassist.kb.search;

import org.civicassist.kb.rank.Candidate;

import java.util.List;
import java.util.Optional;

/**
 * Ranked candidates for a question and the calibrated probability that the first one answers it.
 *
 * @param foreignPlace    the question names a place the knowledge base never mentions
 * @param otherPlaceAsked the question asks about the rules or offices of such a place (上海的低保标准): whatever
 *                        ranks first here is this city's rule, not the one asked for
 */
public record SearchResult(List<Candidate> candidates, double confidence, boolean foreignPlace,
                           boolean otherPlaceAsked) {

    public SearchResult(List<Candidate> candidates, double confidence, boolean foreignPlace) {
        this(candidates, confidence, foreignPlace, false);
    }

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
