package org.civicassist.assistant.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import org.civicassist.assistant.config.AssistantProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Rate limits in Redis when {@code spring.data.redis.url} is set (shared by all instances), in memory otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    static final String REDIS_URL = "spring.data.redis.url";

    @Bean
    RateLimiter rateLimiter(Environment environment, AssistantProperties properties,
                            ObjectProvider<ClientResources> resources) {
        String url = environment.getProperty(REDIS_URL);
        if (url == null || url.isBlank()) {
            return new LocalRateLimiter();
        }
        ClientResources shared = resources.getIfAvailable();
        RedisClient client = shared != null ? RedisClient.create(shared) : RedisClient.create();
        return new RedisRateLimiter(client, RedisURI.create(url.strip()), properties.redis().keyPrefix());
    }

    @Bean
    CitizenRateLimitFilter citizenRateLimitFilter(RateLimiter limiter, RateLimitProperties limits) {
        return new CitizenRateLimitFilter(limiter, limits);
    }

    @Bean
    EventStreamLimitFilter eventStreamLimitFilter(RateLimitProperties limits) {
        return new EventStreamLimitFilter(limits);
    }
}
