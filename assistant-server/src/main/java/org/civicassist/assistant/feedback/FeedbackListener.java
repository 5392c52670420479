package org.civicassist.assistant.feedback;

import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationRating;
import org.civicassist.assistant.conversation.ReplyFeedback;
import reactor.core.publisher.Mono;

/**
 * Told of feedback once it is saved with the conversation: metrics, analytics, and (later) the handoff that negative
 * feedback on an answer triggers. Must not block; a failure is logged and does not fail the request.
 */
public interface FeedbackListener {

    Mono<Void> replyFeedbackSaved(Conversation saved, ReplyFeedback feedback);

    Mono<Void> ratingSaved(Conversation saved, ConversationRating rating);
}
