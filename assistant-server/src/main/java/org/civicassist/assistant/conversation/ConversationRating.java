package org.civicassist.assistant.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The citizen's rating of the whole conversation, 1 (非常不满意) to 5 (非常满意), with an optional comment.
 */
public record ConversationRating(int rating, Optional<String> comment, Instant at) {

    public static final int MIN = 1;
    public static final int MAX = 5;
    private static final List<String> LABELS = List.of("非常不满意", "不满意", "一般", "满意", "非常满意");

    public ConversationRating {
        if (rating < MIN || rating > MAX) {
            throw new IllegalArgumentException("rating must be between " + MIN + " and " + MAX);
        }
        Objects.requireNonNull(comment);
        Objects.requireNonNull(at);
    }

    /** 非常不满意 … 非常满意. */
    public String label() {
        return LABELS.get(rating - MIN);
    }

    /** 1 or 2: worth a maintainer's look. */
    public boolean isBad() {
        return rating <= 2;
    }
}
