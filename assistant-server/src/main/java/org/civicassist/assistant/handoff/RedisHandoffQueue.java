package org.civicassist.assistant.handoff;

import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/**
 * The queue in Redis, shared by every server instance:
 *
 * <pre>
 * {prefix}handoff:waiting          sorted set: conversation id scored by the time it joined the queue (ms), so
 *                                  ZRANGE lists the oldest first and ZRANK gives a citizen's place in line
 * {prefix}handoff:staff:{username} set: ids of the conversations the staff member has claimed
 * </pre>
 *
 * A sorted set rather than a stream with consumer groups: staff choose which conversation to take from the visible
 * list (not the next one handed to them), and a waiting conversation leaves the line from any position.
 */
public final class RedisHandoffQueue implements HandoffQueue {

    private static final RedisScript<Long> ADD_IF_ABSENT = RedisScript.of(
            "return redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2])", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String waitingKey;
    private final String staffPrefix;

    public RedisHandoffQueue(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.waitingKey = keyPrefix + "handoff:waiting";
        this.staffPrefix = keyPrefix + "handoff:staff:";
    }

    @Override
    public Mono<Void> add(String conversationId, Instant since) {
        return guard("queue add", redis.execute(ADD_IF_ABSENT, List.of(waitingKey),
                List.of(Long.toString(since.toEpochMilli()), conversationId)).then());
    }

    @Override
    public Mono<Void> remove(String conversationId) {
        return guard("queue remove", redis.opsForZSet().remove(waitingKey, conversationId).then());
    }

    @Override
    public Mono<List<Waiting>> oldest(int limit) {
        return guard("queue list", redis.opsForZSet().rangeWithScores(waitingKey, Range.closed(0L, (long) limit - 1))
                .map(t -> new Waiting(t.getValue(), Instant.ofEpochMilli(t.getScore().longValue())))
                .collectList());
    }

    @Override
    public Mono<Long> position(String conversationId) {
        return guard("queue position", redis.opsForZSet().rank(waitingKey, conversationId).map(rank -> rank + 1));
    }

    @Override
    public Mono<Void> assign(String conversationId, String staff) {
        return guard("assign", redis.opsForSet().add(staffPrefix + staff, conversationId).then());
    }

    @Override
    public Mono<Void> unassign(String conversationId, String staff) {
        return guard("unassign", redis.opsForSet().remove(staffPrefix + staff, conversationId).then());
    }

    @Override
    public Mono<List<String>> assignedTo(String staff) {
        return guard("assigned", redis.opsForSet().members(staffPrefix + staff).collectList());
    }

    private static <T> Mono<T> guard(String operation, Mono<T> call) {
        return call.onErrorMap(StoreUnavailableException::isRedisFailure,
                e -> new StoreUnavailableException(operation, e));
    }
}
