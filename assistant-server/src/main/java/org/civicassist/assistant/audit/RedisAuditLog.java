package org.civicassist.assistant.audit;

import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log in the Redis stream {@code {prefix}staff:audit} (fields {@code at, actor, action, target, detail}),
 * trimmed to about {@code capacity} entries, shared by every server instance.
 */
public final class RedisAuditLog implements AuditLog {

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final long capacity;

    public RedisAuditLog(ReactiveStringRedisTemplate redis, String keyPrefix, long capacity) {
        this.redis = redis;
        this.key = keyPrefix + "staff:audit";
        this.capacity = capacity;
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
        return redis.opsForStream().add(record, XAddOptions.maxlen(capacity).approximateTrimming(true))
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
