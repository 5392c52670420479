package org.civicassist.assistant.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in Redis, shared by every instance, so that a limit holds however requests are spread. While Redis is
 * unreachable the limiter lets requests through (fails open): the conversation store reports the outage to the
 * citizen already, and a limiter must not turn a Redis hiccup into refusals.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    /** How long a request waits for Redis before it goes through unlimited. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final RedisClient client;
    private final String keyPrefix;
    private final Duration requestTimeout;
    /** Connects on first use (a Redis outage at start must not stop the application); a failure is retried. */
    private final Mono<Connected> connected;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL.toNanos() - 1);
    private final Cache<String, AsyncBucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(LocalRateLimiter.MAX_BUCKETS).expireAfterAccess(Duration.ofMinutes(2)).build();

    private record Connected(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> buckets) {
    }

    public RedisRateLimiter(RedisClient client, RedisURI uri, String keyPrefix) {
        this(client, uri, keyPrefix, REQUEST_TIMEOUT);
    }

    /** As above, waiting up to {@code requestTimeout} for Redis (tests of sharing wait long: they test no timing). */
    RedisRateLimiter(RedisClient client, RedisURI uri, String keyPrefix, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.keyPrefix = keyPrefix + "rate:";
        this.connected = Mono.fromCompletionStage(() -> client.connectAsync(
                        RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri))
                .map(c -> new Connected(c, Bucket4jLettuce.casBasedBuilder(c)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build().asAsync()))
                .cache(ok -> Duration.ofDays(3650), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<Verdict> acquire(String key, int perMinute) {
        return connected
                .flatMap(c -> Mono.fromFuture(() -> proxies.get(key + "/" + perMinute, k -> c.buckets().builder()
                                // concurrent requests of one key share a round trip instead of racing to update it
                                .withOptimization(Optimizations.batching())
                                .build(keyPrefix + k, LocalRateLimiter.Buckets.configuration(perMinute)))
                        .tryConsumeAndReturnRemaining(1)))
                .timeout(requestTimeout)
                .map(LocalRateLimiter.Buckets::verdict)
                .doOnNext(v -> {
                    if (failing.compareAndSet(true, false)) {
                        log.debug("Rate limits are enforced through Redis again");
                    }
                })
                .onErrorResume(e -> {
                    failing.set(true);
                    long now = System.nanoTime();
                    long last = lastWarning.get();
                    // once a minute at most: under load, every request of a slow spell would log it
                    if (now - last > WARNING_INTERVAL.toNanos() && lastWarning.compareAndSet(last, now)) {
                        log.warn("Rate limits are not enforced while Redis does not answer in time: {}",
                                e.toString());
                    }
                    return Mono.just(Verdict.ALLOWED);
                });
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
