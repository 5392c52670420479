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

    /** What is kept once the citizen deleted the conversation: the verdict or rating, no text, no conversation. */
    public FeedbackRecord anonymised(String pseudonym) {
        return new FeedbackRecord(at, pseudonym, messageId, useful, rating, Optional.empty());
    }

    public boolean notUseful() {
        return useful.isPresent() && !useful.get();
    }

    public boolean badRating() {
        return rating.isPresent() && rating.get() <= 2;
    }
}
