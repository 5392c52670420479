package org.civicassist.assistant.conversation;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Conversations in Redis, shared by every server instance and surviving restarts.
 *
 * <pre>
 * {prefix}conversation:{id}             hash: v = version, d = the conversation as JSON ({@link ConversationJson});
 *                                       expires after the time to live without activity (longer while
 *                                       handed to staff, see {@link Retention})
 * {prefix}conversations:status:{status} sorted set of ids scored by expiry time (ms): live counts per status
 * {prefix}conversations:recent          sorted set of ids scored by last update (ms): the maintainers' log, newest
 *                                       first; an id leaves it with its conversation (deleted, or past its retention
 *                                       as the status sets say, see {@link #recent}); the set itself expires
 *                                       with the longest-lived conversation written to it
 * </pre>
 *
 * Updates are optimistic: read, apply the change, then a Lua script writes only if the stored version is still the
 * one read (compare-and-set), moving the id between the status sets in the same step; on a concurrent change the
 * update is retried with a fresh read.
 */
public final class RedisConversationStore implements ConversationStore {

    static final int MAX_ATTEMPTS = 20;

    /**
     * KEYS: conversation, its status set, the recent set. ARGV: version, json, ttl, expiry, id, last update. The recent
     * set lives as long as the longest-lived conversation written to it (its expiry is only ever extended): an index
     * nobody writes to any more goes with the conversations it named.
     */
    private static final RedisScript<Long> CREATE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
            redis.call('ZADD', KEYS[3], ARGV[6], ARGV[5])
            if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
            return 1
            """, Long.class);

    /**
     * KEYS: conversation, its new status set, the recent set, then every status set. ARGV: expected, new, json, ttl,
     * expiry, id, last update.
     */
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            local stored = redis.call('HGET', KEYS[1], 'v')
            if not stored then return -1 end
            if stored ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            for i = 4, #KEYS do redis.call('ZREM', KEYS[i], ARGV[6]) end
            redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
            redis.call('ZADD', KEYS[3], ARGV[7], ARGV[6])
            if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[3], ARGV[4]) end
            return 1
            """, Long.class);

    /** KEYS: the conversation, the recent set, then every status set. ARGV: id. */
    private static final RedisScript<Long> DELETE = RedisScript.of("""
            local existed = redis.call('DEL', KEYS[1])
            for i = 2, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
            return existed
            """, Long.class);

    /**
     * Drops the ids past their retention (their expiry score in a status set is over) from the recent set and the
     * status sets, at most 1000 a status set per call. KEYS: the recent set, then every status set. ARGV: now (ms).
     */
    private static final RedisScript<Long> TRIM = RedisScript.of("""
            local n = 0
            for i = 2, #KEYS do
              local dead = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[1], 'LIMIT', 0, 1000)
              if #dead > 0 then
                redis.call('ZREM', KEYS[1], unpack(dead))
                redis.call('ZREM', KEYS[i], unpack(dead))
                n = n + #dead
              end
            end
            return n
            """, Long.class);

    /** Ids read from the recent set at a time. */
    static final int SCAN_BATCH = 100;

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Retention retention;
    private final Clock clock;

    public RedisConversationStore(ReactiveStringRedisTemplate redis, String keyPrefix, Duration timeToLive,
                                  Clock clock) {
        this(redis, keyPrefix, Retention.uniform(timeToLive), clock);
    }

    public RedisConversationStore(ReactiveStringRedisTemplate redis, String keyPrefix, Retention retention,
                                  Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public Mono<Conversation> create(Conversation conversation) {
        Conversation saved = conversation.nextVersion();
        return redis.execute(CREATE, List.of(key(saved.id()), statusKey(saved.status()), recentKey()),
                        List.of(Long.toString(saved.version()), ConversationJson.write(saved), ttlMillis(saved),
                                expiryScore(saved), saved.id(), updatedScore(saved)))
                .next()
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("create", e))
                .flatMap(result -> result == 1 ? Mono.just(saved)
                        : Mono.error(new IllegalStateException("conversation id already exists")));
    }

    @Override
    public Mono<Conversation> find(String id) {
        return redis.<String, String>opsForHash().get(key(id), "d")
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("find", e))
                .map(ConversationJson::read);
    }

    @Override
    public Mono<Conversation> update(String id, Function<Conversation, Conversation> change) {
        return find(id)
                .flatMap(current -> compareAndSet(current, change))
                .retryWhen(Retry.backoff(MAX_ATTEMPTS - 1, Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(100))
                        .jitter(0.75)
                        .filter(VersionConflict.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new ConcurrentUpdateException(id, MAX_ATTEMPTS)))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("update", e));
    }

    @Override
    public Mono<Conversation> update(Conversation read, Function<Conversation, Conversation> change) {
        return Mono.defer(() -> compareAndSet(read, change))
                .onErrorResume(VersionConflict.class, e -> update(read.id(), change))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("update", e));
    }

    /**
     * Writes {@code change} applied to {@code current} if the stored version is still current's; {@link VersionConflict}
     * if another update came first, empty if the conversation expired in between.
     */
    private Mono<Conversation> compareAndSet(Conversation current, Function<Conversation, Conversation> change) {
        String id = current.id();
        Conversation next = change.apply(current).nextVersion();
        List<String> keys = new ArrayList<>();
        keys.add(key(id));
        keys.add(statusKey(next.status()));
        keys.add(recentKey());
        for (ConversationStatus s : ConversationStatus.values()) {
            keys.add(statusKey(s));
        }
        return redis.execute(COMPARE_AND_SET, keys, List.of(Long.toString(current.version()),
                        Long.toString(next.version()), ConversationJson.write(next), ttlMillis(next),
                        expiryScore(next), id, updatedScore(next)))
                .next()
                .flatMap(result -> {
                    if (result == 1) {
                        return Mono.just(next);
                    }
                    // -1: expired between the read and the write
                    return result == 0 ? Mono.error(new VersionConflict()) : Mono.empty();
                });
    }

    @Override
    public Mono<Boolean> delete(String id) {
        List<String> keys = new ArrayList<>();
        keys.add(key(id));
        keys.add(recentKey());
        for (ConversationStatus s : ConversationStatus.values()) {
            keys.add(statusKey(s));
        }
        return redis.execute(DELETE, keys, List.of(id)).next()
                .map(n -> n > 0)
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("delete", e));
    }

    @Override
    public Mono<Map<ConversationStatus, Long>> countByStatus() {
        double now = clock.millis();
        return Flux.fromArray(ConversationStatus.values())
                .concatMap(status -> {
                    String key = statusKey(status);
                    // ids of expired conversations are dropped here, as nothing else removes them
                    return redis.opsForZSet().removeRangeByScore(key, Range.of(Range.Bound.unbounded(),
                                    Range.Bound.exclusive(now)))
                            .then(redis.opsForZSet().count(key, Range.of(Range.Bound.inclusive(now),
                                    Range.Bound.unbounded())))
                            .map(count -> Map.entry(status, count));
                })
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(ConversationStatus.class))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("count", e));
    }

    /**
     * Trims the recent set first (what is past its retention leaves it), then reads it newest first from the cursor
     * and loads each conversation; an id whose conversation is gone all the same (expired a moment ago) is skipped.
     */
    @Override
    public Mono<ConversationPage> recent(Optional<ConversationPage.Cursor> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<String> keys = new ArrayList<>();
        keys.add(recentKey());
        for (ConversationStatus s : ConversationStatus.values()) {
            keys.add(statusKey(s));
        }
        return redis.execute(TRIM, keys, List.of(Long.toString(clock.millis()))).then(
                        collect(after, limit, 0, new ArrayList<>()))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("recent", e));
    }

    /** @param found the conversations read so far, each with its position in the recent set */
    private Mono<ConversationPage> collect(Optional<ConversationPage.Cursor> after, int limit, long offset,
                                           List<Map.Entry<ConversationPage.Cursor, Conversation>> found) {
        Range<Double> scores = after.map(c -> Range.of(Range.Bound.<Double>unbounded(),
                Range.Bound.inclusive((double) c.updatedAtMillis()))).orElse(Range.unbounded());
        return redis.opsForZSet().reverseRangeByScoreWithScores(recentKey(), scores,
                        Limit.limit().offset((int) offset).count(SCAN_BATCH))
                .collectList()
                .flatMap(batch -> Flux.fromIterable(batch)
                        .map(t -> new ConversationPage.Cursor(t.getScore().longValue(), t.getValue()))
                        // ids at the cursor's millisecond up to and including the cursor's were on earlier pages
                        .filter(at -> after.isEmpty() || after.get().precedes(at.updatedAtMillis(), at.id()))
                        .concatMap(at -> find(at.id()).map(c -> Map.entry(at, c)))
                        // one more than the page: whether there is a next page
                        .takeUntil(e -> found.size() >= limit)
                        .doOnNext(found::add)
                        .then(Mono.defer(() -> {
                            if (found.size() > limit || batch.size() < SCAN_BATCH) {
                                List<Map.Entry<ConversationPage.Cursor, Conversation>> page =
                                        found.subList(0, Math.min(limit, found.size()));
                                return Mono.just(new ConversationPage(page.stream().map(Map.Entry::getValue).toList(),
                                        found.size() > limit ? Optional.of(page.get(page.size() - 1).getKey())
                                                : Optional.empty()));
                            }
                            return collect(after, limit, offset + SCAN_BATCH, found);
                        })));
    }

    @Override
    public String kind() {
        return "redis";
    }

    private String key(String id) {
        return prefix + "conversation:" + id;
    }

    private String statusKey(ConversationStatus status) {
        return prefix + "conversations:status:" + status.wireName();
    }

    private String recentKey() {
        return prefix + "conversations:recent";
    }

    private static String updatedScore(Conversation c) {
        return Long.toString(c.updatedAt().toEpochMilli());
    }

    private String ttlMillis(Conversation c) {
        return Long.toString(retention.of(c).toMillis());
    }

    private String expiryScore(Conversation c) {
        return Long.toString(clock.millis() + retention.of(c).toMillis());
    }

    /** The stored version moved on since it was read. */
    private static final class VersionConflict extends RuntimeException {
        VersionConflict() {
            super(null, null, false, false);
        }
    }
}
