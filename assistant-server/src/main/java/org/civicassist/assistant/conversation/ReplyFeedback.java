package org.civicassist.assistant.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The citizen's verdict on one reply of the assistant. A negative verdict on an answer is what a later handoff
 * trigger acts on.
 *
 * @param messageId the transcript entry of the reply
 * @param useful    whether it helped
 * @param reason    what the citizen wrote, as typed (kept with the conversation like the transcript; analytics keep
 *                  only a masked copy)
 */
public record ReplyFeedback(String messageId, boolean useful, Optional<String> reason, Instant at) {
    public ReplyFeedback {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(at);
    }
}
