package org.civicassist.assistant.conversation;

import org.civicassist.assistant.reply.HandoffReason;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryConversationStoreTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final InMemoryConversationStore store = new InMemoryConversationStore(Duration.ofMinutes(30), clock);

    @Test
    void keeps_a_conversation_while_it_is_active() {
        Conversation c = store.create(Conversations.started(clock.instant())).block();
        clock.advance(Duration.ofMinutes(20));
        store.update(c.id(), current -> Conversations.withExchange(current, "护照", clock.instant())).block();
        clock.advance(Duration.ofMinutes(20));

        assertThat(store.find(c.id()).blockOptional()).isPresent();
        assertThat(store.find(c.id()).block().version()).isEqualTo(2);
    }

    @Test
    void forgets_an_idle_conversation_after_its_time_to_live() {
        Conversation c = store.create(Conversations.started(clock.instant())).block();

        clock.advance(Duration.ofMinutes(31));

        assertThat(store.find(c.id()).blockOptional()).isEmpty();
        assertThat(store.update(c.id(), current -> current).blockOptional()).isEmpty();
    }

    @Test
    void eviction_drops_only_expired_conversations() {
        store.create(Conversations.started(clock.instant())).block();
        clock.advance(Duration.ofMinutes(20));
        Conversation recent = store.create(Conversations.started(clock.instant())).block();
        clock.advance(Duration.ofMinutes(15));

        int evicted = store.evictExpired();

        assertThat(evicted).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find(recent.id()).blockOptional()).isPresent();
    }

    @Test
    void counts_live_conversations_by_status() {
        Conversation a = store.create(Conversations.started(clock.instant())).block();
        store.create(Conversations.started(clock.instant())).block();
        store.update(a.id(), current -> current.withStatus(ConversationStatus.WAITING,
                Optional.of(HandoffReason.REQUESTED), clock.instant())).block();

        assertThat(store.countByStatus().block()).containsEntry(ConversationStatus.BOT, 1L)
                .containsEntry(ConversationStatus.WAITING, 1L).doesNotContainKey(ConversationStatus.CLOSED);
    }

    @Test
    void lists_recent_conversations_newest_first_in_bounded_pages__a_deleted_one_is_gone() {
        RecentConversationsContract.lists_newest_first_in_bounded_pages__ties_and_deletion(store, clock.instant());
    }

    @Test
    void lists_only_conversations_within_their_retention() {
        InMemoryConversationStore kept = new InMemoryConversationStore(
                new Retention(Duration.ofHours(1), Duration.ofDays(1)), clock);
        RecentConversationsContract.lists_only_conversations_within_their_retention(kept, clock.instant(),
                clock::advance);
    }
}
