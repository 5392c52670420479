package org.civicassist.kb.model;

import java.util.List;
import java.util.Objects;

/**
 * A frequently asked question with its official answer.
 *
 * @param similar other phrasings of the question
 * @param guideId the guide this answer comes from, or {@code null}
 */
public record Faq(String id, String domain, String question, List<String> similar, String answer, String guideId) {

    public Faq {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        similar = List.copyOf(similar);
    }
}
