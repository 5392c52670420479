package org.civicassist.assistant.handoff;

import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationRating;
import org.civicassist.assistant.conversation.ReplyFeedback;
import org.civicassist.assistant.feedback.FeedbackListener;
import reactor.core.publisher.Mono;

/** Hands a conversation to a person when the citizen says an answer did not help (see {@link HandoffService}). */
public final class NegativeFeedbackHandoff implements FeedbackListener {

    private final HandoffService handoffs;

    public NegativeFeedbackHandoff(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    public Mono<Void> replyFeedbackSaved(Conversation saved, ReplyFeedback feedback) {
        return handoffs.afterNegativeFeedback(saved, feedback);
    }

    @Override
    public Mono<Void> ratingSaved(Conversation saved, ConversationRating rating) {
        return Mono.empty();
    }
}
