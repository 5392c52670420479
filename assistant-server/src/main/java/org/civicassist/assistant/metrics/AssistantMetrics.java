package org.civicassist.assistant.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.civicassist.assistant.chat.TurnListener;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationRating;
import org.civicassist.assistant.conversation.ConversationStatus;
import org.civicassist.assistant.conversation.ReplyFeedback;
import org.civicassist.assistant.feedback.FeedbackListener;
import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.assistant.reply.Reply;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The assistant's own metrics, on {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code assistant_replies_total{type, reason}}: replies by type (answer, clarify, handoff, refuse) and, for
 *       handoffs and refusals, reason;</li>
 *   <li>{@code assistant_answer_latency_seconds{type}}: time spent in the answer pipeline;</li>
 *   <li>{@code assistant_conversations{status}}: live conversations by status (bot, waiting, with_staff, closed),
 *       refreshed periodically from the store;</li>
 *   <li>{@code assistant_feedback_replies_total{useful}} and {@code assistant_feedback_ratings_total{rating}}.</li>
 * </ul>
 * The answer cache's are Micrometer's Caffeine cache metrics, bound where the cache is made
 * ({@code AssistantConfiguration#answerCache}): {@code cache_gets_total{cache="answers", result="hit"|"miss"}},
 * {@code cache_size}, {@code cache_evictions_total}; its hit rate is
 * {@code sum(rate(cache_gets_total{cache="answers",result="hit"}[5m])) / sum(rate(cache_gets_total{cache="answers"}[5m]))}.
 */
public final class AssistantMetrics implements TurnListener, FeedbackListener {

    private final MeterRegistry registry;
    private final Map<ConversationStatus, AtomicLong> conversations = new EnumMap<>(ConversationStatus.class);

    public AssistantMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ConversationStatus status : ConversationStatus.values()) {
            AtomicLong count = new AtomicLong();
            conversations.put(status, count);
            Gauge.builder("assistant.conversations", count, AtomicLong::get)
                    .description("Live conversations by status")
                    .tag("status", status.wireName())
                    .register(registry);
        }
    }

    @Override
    public Mono<Void> turnSaved(Conversation saved, String replyEntryId, Turn turn) {
        Reply reply = turn.reply();
        String type = reply.type().wireName();
        Counter.builder("assistant.replies")
                .description("Replies of the assistant by type")
                .tag("type", type)
                .tag("reason", reason(reply))
                .register(registry)
                .increment();
        Timer.builder("assistant.answer.latency")
                .description("Time spent in the answer pipeline")
                .tag("type", type)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(Duration.ofNanos(turn.trace().elapsedNanos()));
        return Mono.empty();
    }

    @Override
    public Mono<Void> replyFeedbackSaved(Conversation saved, ReplyFeedback feedback) {
        Counter.builder("assistant.feedback.replies")
                .description("Citizens' verdicts on replies")
                .tag("useful", Boolean.toString(feedback.useful()))
                .register(registry)
                .increment();
        return Mono.empty();
    }

    @Override
    public Mono<Void> ratingSaved(Conversation saved, ConversationRating rating) {
        Counter.builder("assistant.feedback.ratings")
                .description("Citizens' ratings of conversations, 1 (非常不满意) to 5 (非常满意)")
                .tag("rating", Integer.toString(rating.rating()))
                .register(registry)
                .increment();
        return Mono.empty();
    }

    /** Sets the conversation gauges; statuses missing from {@code counts} have none. */
    public void conversationCounts(Map<ConversationStatus, Long> counts) {
        conversations.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0L)));
    }

    private static String reason(Reply reply) {
        if (reply instanceof Reply.Handoff h) {
            return h.reason().name().toLowerCase(Locale.ROOT);
        }
        if (reply instanceof Reply.Refuse r) {
            return r.reason().name().toLowerCase(Locale.ROOT);
        }
        return "none";
    }
}
