package org.civicassist.assistant.conversation;

import org.springframework.data.domain.Range;
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
import java.util.function.Function;

/**
 * Conversations in Redis, shared by every server instance and surviving restarts.
 *
 * <pre>
 * {prefix}conversation:{id}             hash: v = version, d = the conversation as JSON ({@link ConversationJson});
 *                                       expires after the time to live without activity (longer while
 *                                       handed to staff, see {@link Retention})
 * {prefix}conversations:status:{status} sorted set of ids scored by expiry time (ms): live counts per status
 * </pre>
 *
 * Updates are optimistic: read, apply the change, then a Lua script writes only if the stored version is still the
 * one read (compare-and-set), moving the id between the status sets in the same step; on a concurrent change the
 * update is retried with a fresh read.
 */
public final class RedisConversationStore implements ConversationStore {

    static final int MAX_ATTEMPTS = 20;

    private static final RedisScript<Long> CREATE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
            return 1
            """, Long.class);

    /** KEYS: conversation, its new status set, then every status set. ARGV: expected, new, json, ttl, score, id. */
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            local stored = redis.call('HGET', KEYS[1], 'v')
            if not stored then return -1 end
            if stored ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            for i = 3, #KEYS do redis.call('ZREM', KEYS[i], ARGV[6]) end
            redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
            return 1
            """, Long.class);

    /** KEYS: the conversation, then every status set. ARGV: id. */
    private static final RedisScript<Long> DELETE = RedisScript.of("""
            local existed = redis.call('DEL', KEYS[1])
            for i = 2, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
            return existed
            """, Long.class);

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
        return redis.execute(CREATE, List.of(key(saved.id()), statusKey(saved.status())),
                        List.of(Long.toString(saved.version()), ConversationJson.write(saved), ttlMillis(saved),
                                expiryScore(saved), saved.id()))
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
                .flatMap(current -> {
                    Conversation next = change.apply(current).nextVersion();
                    List<String> keys = new ArrayList<>();
                    keys.add(key(id));
                    keys.add(statusKey(next.status()));
                    for (ConversationStatus s : ConversationStatus.values()) {
                        keys.add(statusKey(s));
                    }
                    return redis.execute(COMPARE_AND_SET, keys, List.of(Long.toString(current.version()),
                                    Long.toString(next.version()), ConversationJson.write(next), ttlMillis(next),
                                    expiryScore(next), id))
                            .next()
                            .flatMap(result -> {
                                if (result == 1) {
                                    return Mono.just(next);
                                }
                                // -1: expired between the read and the write
                                return result == 0 ? Mono.error(new VersionConflict()) : Mono.empty();
                            });
                })
                .retryWhen(Retry.backoff(MAX_ATTEMPTS - 1, Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(100))
                        .jitter(0.75)
                        .filter(VersionConflict.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new ConcurrentUpdateException(id, MAX_ATTEMPTS)))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("update", e));
    }

    @Override
    public Mono<Boolean> delete(String id) {
        List<String> keys = new ArrayList<>();
        keys.add(key(id));
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
