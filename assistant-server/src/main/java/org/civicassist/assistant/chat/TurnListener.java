package org.civicassist.assistant.chat;

import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.pipeline.Turn;
import reactor.core.publisher.Mono;

/**
 * Told of every turn the assistant answered, once it is saved with the conversation: metrics, analytics. A listener
 * must not block; its failure is logged and never fails the citizen's reply.
 */
public interface TurnListener {

    /**
     * @param saved        the conversation as saved, with the citizen's message and the reply appended
     * @param replyEntryId the transcript id of the reply (what feedback refers to)
     */
    Mono<Void> turnSaved(Conversation saved, String replyEntryId, Turn turn);

    /**
     * An earlier citizen message was masked further once saved (the start of a number whose rest came in the next
     * message): what was kept of it should be too.
     *
     * @param citizenEntryId the transcript id of that message; its text in {@code saved} is the masked one
     */
    default Mono<Void> earlierMessageMasked(Conversation saved, String citizenEntryId) {
        return Mono.empty();
    }
}
