package org.civicassist.assistant.conversation;

import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The embedded default: conversations in a map, expired after a period without activity ({@link #evictExpired()}
 * runs on a schedule). Lost on restart, which is why production deployments configure Redis.
 */
public final class InMemoryConversationStore implements ConversationStore, Sweepable {

    private static final Comparator<Conversation> NEWEST_FIRST = Comparator
            .comparingLong((Conversation c) -> c.updatedAt().toEpochMilli()).thenComparing(Conversation::id).reversed();

    private final ConcurrentHashMap<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Retention retention;
    private final Clock clock;

    public InMemoryConversationStore(Duration timeToLive, Clock clock) {
        this(Retention.uniform(timeToLive), clock);
    }

    public InMemoryConversationStore(Retention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public Mono<Conversation> create(Conversation conversation) {
        return Mono.fromCallable(() -> {
            Conversation saved = conversation.nextVersion();
            if (conversations.putIfAbsent(conversation.id(), saved) != null) {
                throw new IllegalStateException("conversation id already exists");
            }
            return saved;
        });
    }

    @Override
    public Mono<Conversation> find(String id) {
        return Mono.fromSupplier(() -> {
            Conversation c = conversations.get(id);
            if (c != null && expired(c, clock.instant())) {
                conversations.remove(id, c);
                return null;
            }
            return c;
        });
    }

    @Override
    public Mono<Conversation> update(String id, Function<Conversation, Conversation> change) {
        return Mono.fromSupplier(() -> conversations.computeIfPresent(id, (k, c) -> expired(c, clock.instant())
                ? null : change.apply(c).nextVersion()));
    }

    @Override
    public Mono<Boolean> delete(String id) {
        return Mono.fromSupplier(() -> conversations.remove(id) != null);
    }

    @Override
    public Mono<Map<ConversationStatus, Long>> countByStatus() {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            Map<ConversationStatus, Long> counts = new EnumMap<>(ConversationStatus.class);
            for (Conversation c : conversations.values()) {
                if (!expired(c, now)) {
                    counts.merge(c.status(), 1L, Long::sum);
                }
            }
            return counts;
        });
    }

    @Override
    public Mono<ConversationPage> recent(Optional<ConversationPage.Cursor> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            List<Conversation> newest = conversations.values().stream()
                    .filter(c -> !expired(c, now))
                    .filter(c -> after.isEmpty() || after.get().precedes(c.updatedAt().toEpochMilli(), c.id()))
                    .sorted(NEWEST_FIRST)
                    .limit(limit + 1L)
                    .toList();
            List<Conversation> page = newest.subList(0, Math.min(limit, newest.size()));
            return new ConversationPage(page, newest.size() > limit
                    ? Optional.of(ConversationPage.Cursor.of(page.get(page.size() - 1))) : Optional.empty());
        });
    }

    @Override
    public String kind() {
        return "in-memory";
    }

    private boolean expired(Conversation c, Instant now) {
        return c.updatedAt().plus(retention.of(c)).isBefore(now);
    }

    /** Drops conversations idle for longer than the time to live; called periodically. */
    public int evictExpired() {
        Instant now = clock.instant();
        int before = conversations.size();
        conversations.values().removeIf(c -> expired(c, now));
        return before - conversations.size();
    }

    @Override
    public int sweep() {
        return evictExpired();
    }

    public int size() {
        return conversations.size();
    }
}
