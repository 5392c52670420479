package org.civicassist.kb.retrieve;

import java.util.Objects;

/**
 * A question as the retrievers see it: the understood text (normalised, corrected, with canonical terms) and its
 * embedding, computed once and shared by every stage that needs it.
 */
public record RetrievalQuery(String text, float[] vector) {
    public RetrievalQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(vector, "vector");
    }
}
