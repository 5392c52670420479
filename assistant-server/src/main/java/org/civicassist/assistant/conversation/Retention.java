package org.civicassist.assistant.conversation;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a conversation is kept after its last activity. A conversation handed to staff is kept longer, so that a
 * message left on Friday evening is still there when staff answer it on Monday.
 *
 * @param idle      a conversation with the assistant, or a closed one
 * @param handedOff a conversation waiting for staff or with staff (never shorter than {@code idle})
 */
public record Retention(Duration idle, Duration handedOff) {

    public Retention {
        Objects.requireNonNull(idle);
        Objects.requireNonNull(handedOff);
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle retention must be positive");
        }
        if (handedOff.compareTo(idle) < 0) {
            handedOff = idle;
        }
    }

    public static Retention uniform(Duration ttl) {
        return new Retention(ttl, ttl);
    }

    public Duration of(Conversation c) {
        return c.status() == ConversationStatus.WAITING || c.status() == ConversationStatus.WITH_STAFF
                ? handedOff : idle;
    }
}
