package org.civicassist.assistant.conversation;

import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where conversations live: in memory by default, in Redis when {@code spring.data.redis.url} is set (so that several
 * server instances share them and a restart loses nothing acknowledged).
 */
public interface ConversationStore {

    /** Saves a new conversation; fails if the id exists. */
    Mono<Conversation> create(Conversation conversation);

    /** The conversation, or empty if unknown or expired. */
    Mono<Conversation> find(String id);

    /**
     * Applies {@code change} to the current value and saves the result atomically with respect to other updates of
     * the same conversation (retrying on a concurrent change, so {@code change} must have no side effects). Empty if
     * the conversation is unknown; {@link ConcurrentUpdateException} if it kept changing under every retry.
     */
    Mono<Conversation> update(String id, Function<Conversation, Conversation> change);

    /**
     * The same, starting from {@code read}, a copy of the conversation read a moment ago: a store that compares
     * versions when it writes tries that copy first and reads the current value only when another update came in
     * between, which saves a turn a read and its parsing.
     */
    default Mono<Conversation> update(Conversation read, Function<Conversation, Conversation> change) {
        return update(read.id(), change);
    }

    /** Removes the conversation at once (the citizen's deletion request); whether it existed. */
    Mono<Boolean> delete(String id);

    /**
     * Live conversations, most recently updated first, at most {@code limit} of them after {@code after} (from the
     * newest when empty). A deleted or expired conversation is not listed.
     */
    Mono<ConversationPage> recent(Optional<ConversationPage.Cursor> after, int limit);

    /** How many live conversations are in each status (statuses without any may be missing). */
    Mono<Map<ConversationStatus, Long>> countByStatus();

    /** Which kind of store this is, for logs and health: {@code in-memory} or {@code redis}. */
    String kind();
}
