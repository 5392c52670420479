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
}
