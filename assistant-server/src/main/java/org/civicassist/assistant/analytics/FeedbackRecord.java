package org.civicassist.assistant.analytics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen's feedback as analytics keep it: on one reply ({@code messageId}, {@code useful}) or on the conversation
 * ({@code rating}); the free text only with personal data masked.
 */
public record FeedbackRecord(Instant at, String conversationId, Optional<String> messageId, Optional<Boolean> useful,
                             Optional<Integer> rating, Optional<String> maskedText) {

    public FeedbackRecord {
        Objects.requireNonNull(at);
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(useful);
        Objects.requireNonNull(rating);
        Objects.requireNonNull(maskedText);
    }

    public boolean notUseful() {
        return useful.isPresent() && !useful.get();
    }

    public boolean badRating() {
        return rating.isPresent() && rating.get() <= 2;
    }
}
