package org.civicassist.assistant.conversation;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;

import java.util.Objects;

/**
 * A knowledge-base item the assistant considered when it handed a conversation over, shown to staff so that they
 * start from what the bot found rather than from nothing.
 *
 * @param key     the citation key: a FAQ id, or {@code guideId#section}
 * @param title   the guide's title, or the FAQ's question
 * @param section the guide section heading, or {@code null} for a FAQ
 * @param score   the ranker's score (higher is better; comparable only within one turn)
 */
public record ConsideredCandidate(String key, String title, String section, double score) {
    public ConsideredCandidate {
        Objects.requireNonNull(key);
        Objects.requireNonNull(title);
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite");
        }
    }

    /** A ranked candidate as kept: a FAQ by its question, a guide section by its guide's title. */
    public static ConsideredCandidate of(Candidate c) {
        Passage p = c.passage();
        String title = p.kind() == PassageKind.FAQ && !p.questions().isEmpty() ? p.questions().get(0) : p.title();
        double score = Double.isFinite(c.score()) ? c.score() : 0;
        return new ConsideredCandidate(p.citationKey(), title, p.section(), score);
    }
}
