package org.civicassist.assistant.audit;

import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.script.RedisScript;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log in the Redis stream {@code {prefix}staff:audit} (fields {@code at, actor, action, target, detail}),
 * trimmed to about {@code capacity} entries and, on every write, to the entries of the retention period (stream
 * ids are times: {@code XTRIM MINID}), shared by every server instance.
 */
public final class RedisAuditLog implements AuditLog {

    private static final RedisScript<Long> TRIM_OLDER = RedisScript.of(
            "return redis.call('XTRIM', KEYS[1], 'MINID', '~', ARGV[1])", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final long capacity;
    private final Duration retention;
    private final Clock clock;

    public RedisAuditLog(ReactiveStringRedisTemplate redis, String keyPrefix, long capacity) {
        this(redis, keyPrefix, capacity, Duration.ofDays(365), Clock.systemUTC());
    }

    public RedisAuditLog(ReactiveStringRedisTemplate redis, String keyPrefix, long capacity, Duration retention,
                         Clock clock) {
        this.redis = redis;
        this.key = keyPrefix + "staff:audit";
        this.capacity = capacity;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public Mono<Void> record(AuditEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", entry.at().toString());
        fields.put("actor", entry.actor());
        fields.put("action", entry.action());
        if (entry.target() != null) {
            fields.put("target", entry.target());
        }
        if (entry.detail() != null) {
            fields.put("detail", entry.detail());
        }
        MapRecord<String, String, String> record = StreamRecords.newRecord().in(key).ofMap(fields);
        String oldest = Long.toString(Math.max(0, clock.millis() - retention.toMillis()));
        return redis.opsForStream().add(record, XAddOptions.maxlen(capacity).approximateTrimming(true))
                .then(redis.execute(TRIM_OLDER, List.of(key), List.of(oldest)).then())
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("audit", e))
                .then();
    }

    @Override
    public Mono<List<AuditEntry>> recent(int limit) {
        return redis.<String, String>opsForStream()
                .reverseRange(key, Range.unbounded(), Limit.limit().count(limit))
                .map(r -> {
                    Map<String, String> f = r.getValue();
                    return new AuditEntry(Instant.parse(f.get("at")), f.get("actor"), f.get("action"),
                            f.get("target"), f.get("detail"));
                })
                .collectList()
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("audit", e));
    }
}
