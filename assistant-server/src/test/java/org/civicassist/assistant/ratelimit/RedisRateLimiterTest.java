package org.civicassist.assistant.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.civicassist.assistant.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Buckets in a real Redis are shared by every instance; without Redis, requests go through. */
class RedisRateLimiterTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    /**
     * A limiter that waits for Redis as long as a loaded test machine may need: with the production timeout (2 s) a
     * slow first connection under load made the limiter fail open and the fourth request pass.
     */
    static RedisRateLimiter limiter(String url) {
        return new RedisRateLimiter(RedisClient.create(), RedisURI.create(url), "test:", Duration.ofSeconds(60));
    }

    @Test
    void two_instances_draw_from_one_bucket() {
        try (RedisRateLimiter a = limiter(redis.server().url()); RedisRateLimiter b = limiter(redis.server().url())) {
            assertThat(a.acquire("client:203.0.113.9", 3).block().allowed()).isTrue();
            assertThat(b.acquire("client:203.0.113.9", 3).block().allowed()).isTrue();
            assertThat(a.acquire("client:203.0.113.9", 3).block().allowed()).isTrue();

            RateLimiter.Verdict fourth = b.acquire("client:203.0.113.9", 3).block();
            assertThat(fourth.allowed()).isFalse();
            assertThat(fourth.retryAfter().toSeconds()).isBetween(1L, 20L);
            assertThat(a.acquire("client:203.0.113.10", 3).block().allowed()).as("another key").isTrue();
        }
    }

    @Test
    void while_redis_is_unreachable_requests_go_through() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RedisRateLimiter down = limiter("redis://127.0.0.1:" + closedPort)) {
            for (int i = 0; i < 5; i++) {
                assertThat(down.acquire("client:203.0.113.11", 1).block().allowed()).isTrue();
            }
        }
    }
}
