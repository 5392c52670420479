package org.civicassist.assistant.conversation;

import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.testing.MutableClock;
import org.civicassist.assistant.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis store against a real redis-server. */
class RedisConversationStoreTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private String prefix;

    @BeforeEach
    void isolate() {
        prefix = "test:" + ConversationTokens.newId().substring(0, 8) + ":";
    }

    @AfterEach
    void disconnect() {
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    /** A store with its own connection, as a separate server instance would have. */
    private RedisConversationStore store(Duration ttl) {
        return new RedisConversationStore(template(), prefix, ttl, clock);
    }

    private ReactiveStringRedisTemplate template() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.server().port()));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new ReactiveStringRedisTemplate(factory);
    }

    @Test
    void stores_and_finds_a_conversation_with_its_transcript() {
        RedisConversationStore store = store(Duration.ofHours(1));
        Conversation c = Conversations.withExchange(Conversations.started(clock.instant()), "社保卡丢了怎么补办",
                clock.instant());

        Conversation created = store.create(c).block();
        Conversation found = store.find(c.id()).block();

        assertThat(created.version()).isEqualTo(1);
        assertThat(found).isEqualTo(created);
        assertThat(store.find("no-such-id").blockOptional()).isEmpty();
    }

    @Test
    void refuses_to_create_an_existing_id() {
        RedisConversationStore store = store(Duration.ofHours(1));
        Conversation c = Conversations.started(clock.instant());
        store.create(c).block();

        assertThat(store.create(c).onErrorResume(IllegalStateException.class, e -> Mono.empty()).blockOptional())
                .isEmpty();
        assertThat(store.find(c.id()).block().version()).isEqualTo(1);
    }

    @Test
    void two_stores_on_one_redis_see_each_others_updates() {
        RedisConversationStore first = store(Duration.ofHours(1));
        RedisConversationStore second = store(Duration.ofHours(1));
        Conversation c = first.create(Conversations.started(clock.instant())).block();

        second.update(c.id(), current -> Conversations.withExchange(current, "护照怎么办", clock.instant())).block();
        first.update(c.id(), current -> current.withStatus(ConversationStatus.WAITING,
                Optional.of(HandoffReason.REQUESTED), clock.instant())).block();

        Conversation seenBySecond = second.find(c.id()).block();
        assertThat(seenBySecond.transcript()).extracting(TranscriptEntry::text).first().isEqualTo("护照怎么办");
        assertThat(seenBySecond.status()).isEqualTo(ConversationStatus.WAITING);
        assertThat(seenBySecond.handoffReason()).contains(HandoffReason.REQUESTED);
        assertThat(seenBySecond.version()).isEqualTo(3);
    }

    @Test
    void an_update_from_a_copy_read_before_another_update_loses_neither() {
        RedisConversationStore first = store(Duration.ofHours(1));
        RedisConversationStore second = store(Duration.ofHours(1));
        Conversation c = first.create(Conversations.started(clock.instant())).block();
        Conversation read = first.find(c.id()).block();

        // another instance answers a message between the read and the update
        second.update(c.id(), current -> Conversations.withExchange(current, "护照怎么办", clock.instant())).block();
        Conversation saved = first.update(read, current -> Conversations.withExchange(current, "那要多久",
                clock.instant())).block();

        Conversation stored = first.find(c.id()).block();
        assertThat(stored).isEqualTo(saved);
        assertThat(stored.transcript()).extracting(TranscriptEntry::text).containsSubsequence("护照怎么办", "那要多久");
        assertThat(stored.version()).isEqualTo(3);
        // a copy that is still current is written as it is
        assertThat(first.update(stored, current -> current.withStatus(ConversationStatus.WAITING,
                Optional.of(HandoffReason.REQUESTED), clock.instant())).block().version()).isEqualTo(4);
    }

    @Test
    void concurrent_updates_from_two_instances_lose_no_entry() {
        RedisConversationStore first = store(Duration.ofHours(1));
        RedisConversationStore second = store(Duration.ofHours(1));
        Conversation c = first.create(Conversations.started(clock.instant())).block();
        int perStore = 40;

        // when: 80 appends race, half through each instance, all at once
        Flux.merge(IntStream.range(0, perStore * 2).mapToObj(i -> (i % 2 == 0 ? first : second)
                        .update(c.id(), current -> current.append(new TranscriptEntry(current.nextEntryId(),
                                Author.CITIZEN, "message " + i, clock.instant(), Optional.empty())))).toList())
                .blockLast(Duration.ofSeconds(60));

        // then
        Conversation stored = first.find(c.id()).block();
        assertThat(stored.transcript()).hasSize(perStore * 2);
        assertThat(stored.transcript()).extracting(TranscriptEntry::text).doesNotHaveDuplicates();
        assertThat(stored.transcript()).extracting(TranscriptEntry::id).doesNotHaveDuplicates();
        assertThat(stored.version()).isEqualTo(1 + perStore * 2);
    }

    @Test
    void an_idle_conversation_expires_after_its_time_to_live() throws InterruptedException {
        RedisConversationStore store = store(Duration.ofMillis(400));
        Conversation c = store.create(Conversations.started(clock.instant())).block();
        Thread.sleep(250);
        store.update(c.id(), current -> Conversations.withExchange(current, "还在吗", clock.instant())).block();
        Thread.sleep(250);

        assertThat(store.find(c.id()).blockOptional()).as("activity renews the time to live").isPresent();

        Thread.sleep(500);

        assertThat(store.find(c.id()).blockOptional()).isEmpty();
        assertThat(store.update(c.id(), current -> current).blockOptional()).isEmpty();
        assertThat(store.countByStatus().block()).containsEntry(ConversationStatus.BOT, 0L);
    }

    @Test
    void counts_live_conversations_by_status() {
        RedisConversationStore store = store(Duration.ofHours(1));
        Conversation a = store.create(Conversations.started(clock.instant())).block();
        store.create(Conversations.started(clock.instant())).block();
        store.update(a.id(), current -> current.withStatus(ConversationStatus.WAITING,
                Optional.of(HandoffReason.LOW_CONFIDENCE), clock.instant())).block();

        Map<ConversationStatus, Long> counts = store.countByStatus().block();

        assertThat(counts).containsEntry(ConversationStatus.BOT, 1L).containsEntry(ConversationStatus.WAITING, 1L)
                .containsEntry(ConversationStatus.WITH_STAFF, 0L);
    }

    @Test
    void an_acknowledged_conversation_survives_a_redis_crash_and_restart() {
        RedisConversationStore store = store(Duration.ofHours(1));
        Conversation c = store.create(Conversations.started(clock.instant())).block();
        store.update(c.id(), current -> Conversations.withExchange(current, "公积金怎么提取", clock.instant())).block();

        redis.server().kill();
        redis.server().restart();

        Conversation found = Mono.defer(() -> store.find(c.id()))
                .retryWhen(reactor.util.retry.Retry.fixedDelay(50, Duration.ofMillis(100)))
                .block(Duration.ofSeconds(20));
        assertThat(found.transcript()).hasSize(2);
        assertThat(found.transcript().get(0).text()).isEqualTo("公积金怎么提取");
    }

    @Test
    void lists_recent_conversations_newest_first_in_bounded_pages__a_deleted_one_is_gone() {
        RecentConversationsContract.lists_newest_first_in_bounded_pages__ties_and_deletion(store(Duration.ofHours(1)),
                clock.instant());
    }

    @Test
    void lists_only_conversations_within_their_retention__trimmed_from_the_recent_set() {
        // the store's clock moves; Redis's own expiry (real time) is hours away, so only the trim can drop them
        MutableClock moved = new MutableClock(clock.instant());
        RedisConversationStore store = new RedisConversationStore(template(), prefix,
                new Retention(Duration.ofHours(1), Duration.ofDays(1)), moved);
        RecentConversationsContract.lists_only_conversations_within_their_retention(store, moved.instant(),
                moved::advance);
        assertThat(template().opsForZSet().size(prefix + "conversations:recent").block()).isEqualTo(1);
    }

    @Test
    void more_conversations_than_a_scan_batch_are_listed_once_each() {
        RedisConversationStore store = store(Duration.ofHours(1));
        Instant at = clock.instant();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RedisConversationStore.SCAN_BATCH + 30; i++) {
            ids.add(store.create(Conversations.started(at)).block().id());
        }

        List<List<String>> pages = RecentConversationsContract.pages(store, 70);

        assertThat(pages).hasSize(2);
        assertThat(pages.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);
    }
}
