package org.civicassist.assistant.analytics;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

/**
 * Where analytics records are kept, by day, for the retention period: in memory by default, in Redis when
 * {@code spring.data.redis.url} is set. Days are calendar days in the configured zone.
 */
public interface AnalyticsStore {

    Mono<Void> add(QuestionRecord record);

    Mono<Void> add(FeedbackRecord record);

    /** Questions of the days {@code from} to {@code to}, both included. */
    Flux<QuestionRecord> questions(LocalDate from, LocalDate to);

    Flux<FeedbackRecord> feedback(LocalDate from, LocalDate to);

    /**
     * After the citizen deleted a conversation: its records of the days {@code from} to {@code to} keep only what
     * counts ({@link QuestionRecord#anonymised}, {@link FeedbackRecord#anonymised}), under a random id. How many
     * records were changed.
     */
    default Mono<Long> forget(String conversationId, LocalDate from, LocalDate to) {
        String pseudonym = org.civicassist.assistant.conversation.ConversationTokens.newId();
        return rewrite(conversationId, from, to, q -> q.anonymised(pseudonym), f -> f.anonymised(pseudonym));
    }

    /**
     * Replaces the conversation's records of the days {@code from} to {@code to} by what {@code questions} and
     * {@code feedback} make of them; how many records changed.
     */
    Mono<Long> rewrite(String conversationId, LocalDate from, LocalDate to,
                       java.util.function.UnaryOperator<QuestionRecord> questions,
                       java.util.function.UnaryOperator<FeedbackRecord> feedback);
}
