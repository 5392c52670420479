package org.civicassist.assistant.config;

import org.civicassist.assistant.analytics.InMemoryAnalyticsStore;
import org.civicassist.assistant.analytics.RedisAnalyticsStore;
import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.conversation.RedisConversationStore;
import org.civicassist.assistant.privacy.RetentionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.net.URI;
import java.time.Clock;

/**
 * Chooses where conversations and analytics live: Redis when {@code spring.data.redis.url} is set, memory otherwise.
 * Boot's Redis auto-configuration (connection factory, templates, health) is active only in the first case, see
 * {@link RedisAutoConfigurationFilter}; every other {@code spring.data.redis.*} setting applies as usual.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);
    static final String REDIS_URL = "spring.data.redis.url";


    /** {@code spring.data.redis.url} is set and not blank. */
    static final class RedisUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return RedisAutoConfigurationFilter.redisUrlSet(context.getEnvironment());
        }
    }

    static final class RedisUrlNotSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new RedisUrlSet().matches(context, metadata);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrlSet.class)
    static class RedisStores {

        @Bean
        RedisConversationStore redisConversationStore(ReactiveStringRedisTemplate redis,
                                                      AssistantProperties properties, RetentionPolicy retention,
                                                      Clock clock, Environment environment) {
            log.info("Conversations and analytics are stored in Redis at {} (key prefix '{}')",
                    describe(environment.getProperty(REDIS_URL)), properties.redis().keyPrefix());
            return new RedisConversationStore(redis, properties.redis().keyPrefix(),
                    retention.conversationRetention(), clock);
        }

        @Bean
        RedisAnalyticsStore redisAnalyticsStore(ReactiveStringRedisTemplate redis, AssistantProperties properties,
                                                RetentionPolicy retention) {
            AssistantProperties.Analytics a = properties.analytics();
            return new RedisAnalyticsStore(redis, properties.redis().keyPrefix(), retention.analytics(),
                    retention.feedback(), a.zoneId());
        }

        /** Says plainly at start when Redis cannot be reached: readiness stays down and requests get 503 until it can. */
        @Bean
        org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent>
                redisStartupCheck(ReactiveStringRedisTemplate redis, Environment environment) {
            return event -> redis.execute(c -> c.ping()).next()
                    .timeout(java.time.Duration.ofSeconds(3))
                    .subscribe(pong -> log.info("Redis at {} is reachable", describe(environment.getProperty(REDIS_URL))),
                            e -> log.error("Redis at {} is unreachable ({}): readiness is DOWN and conversation requests "
                                            + "answer 503 until it is reachable; connections are retried",
                                    describe(environment.getProperty(REDIS_URL)), e.getClass().getSimpleName()));
        }

        /** Host and port only: the URL may carry a password. */
        private static String describe(String url) {
            try {
                URI uri = URI.create(url.strip());
                return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
            } catch (IllegalArgumentException e) {
                return "(unparseable URL)";
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrlNotSet.class)
    static class InMemoryStores {

        @Bean
        InMemoryConversationStore inMemoryConversationStore(RetentionPolicy retention, Clock clock) {
            log.info("Conversations and analytics are kept in memory and lost on restart; "
                    + "set spring.data.redis.url to keep them in Redis");
            return new InMemoryConversationStore(retention.conversationRetention(), clock);
        }

        @Bean
        InMemoryAnalyticsStore inMemoryAnalyticsStore(AssistantProperties properties, RetentionPolicy retention,
                                                      Clock clock) {
            AssistantProperties.Analytics a = properties.analytics();
            return new InMemoryAnalyticsStore(retention.analytics(), retention.feedback(), a.zoneId(),
                    a.maxRecordsPerDay(), clock);
        }
    }
}
