package org.civicassist.assistant.feedback;

import org.civicassist.assistant.chat.ChatService;
import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationRating;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.ReplyFeedback;
import org.civicassist.assistant.feedback.FeedbackDtos.FeedbackReceipt;
import org.civicassist.assistant.feedback.FeedbackDtos.FeedbackRequest;
import org.civicassist.assistant.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records a citizen's feedback with the conversation: a verdict on one reply of the assistant (the latest verdict on
 * a reply wins), or a rating of the whole conversation (the latest wins). Then tells the listeners.
 */
public class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);

    private final ChatService chat;
    private final ConversationStore store;
    private final Clock clock;
    private final int maxTextLength;
    private final List<FeedbackListener> listeners;

    public FeedbackService(ChatService chat, ConversationStore store, Clock clock, int maxTextLength,
                           List<FeedbackListener> listeners) {
        this.chat = chat;
        this.store = store;
        this.clock = clock;
        this.maxTextLength = maxTextLength;
        this.listeners = List.copyOf(listeners);
    }

    public Mono<FeedbackReceipt> submit(String conversationId, String token, FeedbackRequest request) {
        boolean aboutReply = request.messageId() != null || request.useful() != null || request.reason() != null;
        boolean aboutConversation = request.rating() != null || request.comment() != null;
        if (aboutReply == aboutConversation) {
            return Mono.error(ApiException.badInput(
                    "请二选一：对某条回复评价（message_id 与 useful），或对整个会话打分（rating 1-5）。",
                    "Send either feedback on a reply (message_id and useful) or a rating of the conversation "
                            + "(rating 1-5), not both."));
        }
        return aboutReply ? onReply(conversationId, token, request) : onConversation(conversationId, token, request);
    }

    private Mono<FeedbackReceipt> onReply(String conversationId, String token, FeedbackRequest request) {
        if (request.messageId() == null || request.messageId().isBlank()) {
            return Mono.error(ApiException.badInput("缺少 message_id：请指明评价的是哪条回复。",
                    "message_id is missing: say which reply the feedback is about."));
        }
        if (request.useful() == null) {
            return Mono.error(ApiException.badInput("缺少 useful：请说明这条回复是否有帮助（true 或 false）。",
                    "useful is missing: say whether the reply helped (true or false)."));
        }
        Optional<String> reason;
        try {
            reason = optionalText(request.reason(), "reason");
        } catch (ApiException e) {
            return Mono.error(e);
        }
        String messageId = request.messageId();
        return chat.authorize(conversationId, token)
                .flatMap(c -> {
                    boolean isReply = c.entry(messageId).map(e -> e.author() == Author.ASSISTANT).orElse(false);
                    if (!isReply) {
                        return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "unknown-message",
                                "该会话中没有这条助手回复（message_id）。",
                                "The conversation has no assistant reply with this message_id."));
                    }
                    ReplyFeedback feedback = new ReplyFeedback(messageId, request.useful(), reason, clock.instant());
                    return save(conversationId, c2 -> c2.withFeedback(feedback))
                            .flatMap(saved -> tell(l -> l.replyFeedbackSaved(saved, feedback), saved))
                            .thenReturn(FeedbackReceipt.reply(messageId, feedback.useful()));
                });
    }

    private Mono<FeedbackReceipt> onConversation(String conversationId, String token, FeedbackRequest request) {
        Double value = request.rating();
        if (value == null) {
            return Mono.error(ApiException.badInput("缺少 rating：请给出 1（非常不满意）到 5（非常满意）的评分。",
                    "rating is missing: give 1 (very dissatisfied) to 5 (very satisfied)."));
        }
        if (value.isNaN() || value != Math.rint(value) || value < ConversationRating.MIN
                || value > ConversationRating.MAX) {
            return Mono.error(ApiException.badInput("rating 须为 1 到 5 的整数：1 非常不满意，5 非常满意。",
                    "rating must be a whole number from 1 (very dissatisfied) to 5 (very satisfied)."));
        }
        Optional<String> comment;
        try {
            comment = optionalText(request.comment(), "comment");
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return chat.authorize(conversationId, token)
                .flatMap(c -> {
                    ConversationRating rating = new ConversationRating(value.intValue(), comment, clock.instant());
                    return save(conversationId, c2 -> c2.withRating(rating))
                            .flatMap(saved -> tell(l -> l.ratingSaved(saved, rating), saved))
                            .thenReturn(FeedbackReceipt.conversation(rating.rating(), rating.label()));
                });
    }

    private Mono<Conversation> save(String id, Function<Conversation, Conversation> change) {
        return store.update(id, change).switchIfEmpty(Mono.error(ApiException::notFound));
    }

    private Mono<Void> tell(Function<FeedbackListener, Mono<Void>> event, Conversation saved) {
        return Flux.fromIterable(listeners)
                .concatMap(listener -> Mono.defer(() -> event.apply(listener)).onErrorResume(e -> {
                    log.warn("feedback listener {} failed for conversation={}: {}",
                            listener.getClass().getSimpleName(), saved.id(), e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    private Optional<String> optionalText(String text, String field) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxTextLength) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "feedback-too-long",
                    field + " 太长了，请精简到 " + maxTextLength + " 个字以内。",
                    "The " + field + " is longer than " + maxTextLength + " characters.");
        }
        return Optional.of(stripped);
    }
}
