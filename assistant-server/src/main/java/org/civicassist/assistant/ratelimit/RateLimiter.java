package org.civicassist.assistant.ratelimit;

import reactor.core.publisher.Mono;

import java.time.Duration;

/** Token buckets by key: {@code perMinute} tokens, refilled evenly over a minute. */
public interface RateLimiter {

    /** Whether a request may go ahead now, and if not, when it may. */
    record Verdict(boolean allowed, Duration retryAfter) {
        public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);
    }

    Mono<Verdict> acquire(String key, int perMinute);
}
