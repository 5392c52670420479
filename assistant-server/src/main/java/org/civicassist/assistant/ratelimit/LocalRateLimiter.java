package org.civicassist.assistant.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Buckets in this JVM (the embedded default, one instance). Bounded: a flood of new addresses evicts idle buckets
 * instead of exhausting memory; an idle bucket is full again after a minute anyway.
 */
public final class LocalRateLimiter implements RateLimiter {

    static final int MAX_BUCKETS = 100_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofMinutes(2)).build();

    @Override
    public Mono<Verdict> acquire(String key, int perMinute) {
        Bucket bucket = buckets.get(key + "/" + perMinute, k -> Buckets.perMinute(perMinute));
        return Mono.just(Buckets.verdict(bucket.tryConsumeAndReturnRemaining(1)));
    }

    /** The bucket configuration shared by the local and the Redis limiter. */
    static final class Buckets {
        private Buckets() {
        }

        /** {@code perMinute} tokens, refilled evenly over the minute (a burst of a full minute's allowance). */
        static Bandwidth limit(int perMinute) {
            return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
        }

        static Bucket perMinute(int perMinute) {
            return Bucket.builder().addLimit(limit(perMinute)).build();
        }

        static BucketConfiguration configuration(int perMinute) {
            return BucketConfiguration.builder().addLimit(limit(perMinute)).build();
        }

        static Verdict verdict(ConsumptionProbe probe) {
            return probe.isConsumed() ? Verdict.ALLOWED
                    : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
