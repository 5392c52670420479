package org.civicassist.assistant.analytics;

import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * Analytics records in Redis, one list a day and kind, each expiring after the retention period:
 * {@code {prefix}analytics:questions:2026-11-28}, {@code {prefix}analytics:feedback:2026-11-28}.
 */
public final class RedisAnalyticsStore implements AnalyticsStore {

    private static final Logger log = LoggerFactory.getLogger(RedisAnalyticsStore.class);
    private static final RedisScript<Long> APPEND = RedisScript.of("""
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration retention;
    private final Duration feedbackRetention;
    private final ZoneId zone;

    public RedisAnalyticsStore(ReactiveStringRedisTemplate redis, String keyPrefix, Duration retention, ZoneId zone) {
        this(redis, keyPrefix, retention, retention, zone);
    }

    /** Question lists expire after {@code retention}, feedback lists after {@code feedbackRetention}. */
    public RedisAnalyticsStore(ReactiveStringRedisTemplate redis, String keyPrefix, Duration retention,
                               Duration feedbackRetention, ZoneId zone) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.retention = retention;
        this.feedbackRetention = feedbackRetention;
        this.zone = zone;
    }

    @Override
    public Mono<Void> add(QuestionRecord record) {
        return append(key("questions", LocalDate.ofInstant(record.at(), zone)), AnalyticsJson.write(record),
                retention);
    }

    @Override
    public Mono<Void> add(FeedbackRecord record) {
        return append(key("feedback", LocalDate.ofInstant(record.at(), zone)), AnalyticsJson.write(record),
                feedbackRetention);
    }

    /**
     * Rewrites the conversation's records in place (LSET by index: lists only grow at the tail, so the indexes read
     * stay valid).
     */
    @Override
    public Mono<Long> rewrite(String conversationId, LocalDate from, LocalDate to,
                              java.util.function.UnaryOperator<QuestionRecord> changeQuestion,
                              java.util.function.UnaryOperator<FeedbackRecord> changeFeedback) {
        String quoted = "\"" + conversationId + "\"";
        return Flux.fromStream(from.datesUntil(to.plusDays(1)))
                .flatMap(day -> Flux.concat(
                        rewrite(key("questions", day), quoted, json -> {
                            QuestionRecord q = AnalyticsJson.readQuestion(json);
                            if (!q.conversationId().equals(conversationId)) {
                                return null;
                            }
                            QuestionRecord next = changeQuestion.apply(q);
                            return next.equals(q) ? null : AnalyticsJson.write(next);
                        }),
                        rewrite(key("feedback", day), quoted, json -> {
                            FeedbackRecord f = AnalyticsJson.readFeedback(json);
                            if (!f.conversationId().equals(conversationId)) {
                                return null;
                            }
                            FeedbackRecord next = changeFeedback.apply(f);
                            return next.equals(f) ? null : AnalyticsJson.write(next);
                        })), 4)
                .reduce(0L, Long::sum)
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("analytics", e));
    }

    private Mono<Long> rewrite(String key, String quotedId, Function<String, String> change) {
        return redis.opsForList().range(key, 0, -1).index()
                .filter(t -> t.getT2().contains(quotedId))
                .concatMap(t -> {
                    String next;
                    try {
                        next = change.apply(t.getT2());
                    } catch (RuntimeException e) {
                        return Mono.empty();
                    }
                    return next == null ? Mono.empty() : redis.opsForList().set(key, t.getT1(), next).thenReturn(1L);
                })
                .reduce(0L, Long::sum);
    }

    @Override
    public Flux<QuestionRecord> questions(LocalDate from, LocalDate to) {
        return read("questions", from, to, AnalyticsJson::readQuestion);
    }

    @Override
    public Flux<FeedbackRecord> feedback(LocalDate from, LocalDate to) {
        return read("feedback", from, to, AnalyticsJson::readFeedback);
    }

    private Mono<Void> append(String key, String json, Duration keep) {
        // the day's list lives one day longer than the retention, counted from its last record; one script, so that a
        // list never exists without its expiry (a failure between two commands would keep it forever) and a record
        // costs one round trip
        return redis.execute(APPEND, List.of(key), List.of(json, Long.toString(keep.plusDays(1).toMillis())))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("analytics", e))
                .then();
    }

    private <T> Flux<T> read(String kind, LocalDate from, LocalDate to, Function<String, T> parse) {
        return Flux.fromStream(from.datesUntil(to.plusDays(1)))
                .concatMap(day -> redis.opsForList().range(key(kind, day), 0, -1))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("analytics", e))
                .concatMap(json -> {
                    try {
                        return Mono.just(parse.apply(json));
                    } catch (RuntimeException e) {
                        log.warn("analytics: skipping an unreadable {} record: {}", kind, e.toString());
                        return Mono.empty();
                    }
                });
    }

    private String key(String kind, LocalDate day) {
        return prefix + "analytics:" + kind + ":" + day;
    }
}
