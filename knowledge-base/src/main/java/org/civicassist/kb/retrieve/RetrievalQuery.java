package org.civicassist.kb.retrieve;

import org.civicassist.kb.index.QueryTerms;

import java.util.Objects;

/**
 * A question as the retrievers see it: the understood text (normalised, corrected, with canonical terms), its terms
 * under each analysis of the index and its embedding, computed once and shared by every stage that needs them.
 */
public record RetrievalQuery(String text, QueryTerms terms, float[] vector) {
    public RetrievalQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(vector, "vector");
    }
}
