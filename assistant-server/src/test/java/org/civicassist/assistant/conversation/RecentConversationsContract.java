package org.civicassist.assistant.conversation;

import org.civicassist.assistant.reply.HandoffReason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConversationStore} does when it lists recent conversations; run by the in-memory and the Redis
 * store tests on their own store.
 */
final class RecentConversationsContract {

    private RecentConversationsContract() {
    }

    /** Every page of the listing, from the newest, {@code limit} at a time. */
    static List<List<String>> pages(ConversationStore store, int limit) {
        List<List<String>> pages = new ArrayList<>();
        Optional<ConversationPage.Cursor> cursor = Optional.empty();
        do {
            ConversationPage page = store.recent(cursor, limit).block();
            assertThat(page.conversations()).hasSizeLessThanOrEqualTo(limit);
            pages.add(page.conversations().stream().map(Conversation::id).toList());
            cursor = page.next();
            // a cursor survives being written into a URL and read back
            cursor = cursor.map(c -> ConversationPage.Cursor.parse(c.toString()).orElseThrow());
            assertThat(pages).as("pages end").hasSizeLessThan(100);
        } while (cursor.isPresent());
        return pages;
    }

    /**
     * Seven conversations, three last updated at one millisecond and four at the next (ties are what a page boundary
     * must not lose), one of them updated again to the newest: pages of two list each once, newest first (ties by id,
     * descending), and a deleted one is gone from the listing.
     */
    static void lists_newest_first_in_bounded_pages__ties_and_deletion(ConversationStore store, Instant t0) {
        List<Conversation> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = i < 3 ? t0 : t0.plusMillis(1);
            made.add(store.create(Conversations.started(at)).block());
        }
        Conversation touched = store.update(made.get(0).id(),
                c -> Conversations.withExchange(c, "护照怎么办", t0.plusSeconds(5))).block();

        List<List<String>> pages = pages(store, 2);

        List<Conversation> expected = new ArrayList<>(made.subList(1, 7));
        expected.sort(Comparator.comparingLong((Conversation c) -> c.updatedAt().toEpochMilli())
                .thenComparing(Conversation::id).reversed());
        expected.add(0, touched);
        assertThat(pages).hasSize(4).allSatisfy(p -> assertThat(p).isNotEmpty());
        assertThat(pages.stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(expected.stream().map(Conversation::id).toList());

        // deleted: not listed any more
        String gone = expected.get(3).id();
        assertThat(store.delete(gone).block()).isTrue();
        assertThat(pages(store, 3).stream().flatMap(List::stream).toList()).hasSize(6).doesNotContain(gone);
    }

    /**
     * The retention decides: a conversation with the assistant leaves the listing after the idle retention, one
     * handed to staff stays for the longer handed-off retention. {@code advance} moves the store's clock.
     */
    static void lists_only_conversations_within_their_retention(ConversationStore store, Instant t0,
                                                                 java.util.function.Consumer<Duration> advance) {
        Conversation idle = store.create(Conversations.started(t0)).block();
        Conversation handedOff = store.create(Conversations.started(t0)).block();
        store.update(handedOff.id(), c -> c.withStatus(ConversationStatus.WAITING,
                Optional.of(HandoffReason.REQUESTED), t0)).block();
        assertThat(pages(store, 10).get(0)).containsExactlyInAnyOrder(idle.id(), handedOff.id());

        advance.accept(Duration.ofHours(2)); // past the idle retention (1 h), within the handed-off one (1 day)

        assertThat(pages(store, 10).stream().flatMap(List::stream).toList()).containsExactly(handedOff.id());
    }
}
