package org.civicassist.assistant.config;

import org.civicassist.assistant.analytics.AnalyticsStore;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.handoff.HandoffEvents;
import org.civicassist.assistant.handoff.HandoffQueue;
import org.civicassist.assistant.privacy.ContactCipher;
import org.civicassist.assistant.privacy.ConversationEraser;
import org.civicassist.assistant.privacy.InMemoryContactStore;
import org.civicassist.assistant.privacy.PrivacyProperties;
import org.civicassist.assistant.privacy.RedisContactStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.time.Clock;

/**
 * Wires what protects personal data: where contacts are kept (encrypted in Redis, which then needs
 * {@code assistant.privacy.contact-key}: without it the server does not start) and the deletion of conversations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    static final String MISSING_KEY = "assistant.privacy.contact-key is not set. With Redis (spring.data.redis.url) "
            + "the contact a citizen leaves for a call back is stored encrypted with AES-GCM, and the server neither "
            + "stores it in clear nor generates a key (a restart or another instance would not know it). Set "
            + "ASSISTANT_PRIVACY_CONTACT_KEY to 32 random bytes in base64, the same on every instance, e.g. "
            + "`openssl rand -base64 32`.";

    @Bean
    ConversationEraser conversationEraser(ConversationStore store,
                                          org.civicassist.assistant.privacy.ContactStore contacts,
                                          HandoffQueue queue, HandoffEvents events, AnalyticsStore analytics,
                                          AuditLog audit, Clock clock, AssistantProperties properties) {
        return new ConversationEraser(store, contacts, queue, events, analytics, audit, clock,
                properties.analytics().zoneId());
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(StoreConfiguration.RedisUrlSet.class)
    static class InRedis {

        @Bean
        RedisContactStore redisContactStore(ReactiveStringRedisTemplate redis, AssistantProperties properties,
                                            PrivacyProperties privacy) {
            if (!privacy.hasContactKey()) {
                throw new IllegalStateException(MISSING_KEY);
            }
            return new RedisContactStore(redis, properties.redis().keyPrefix(),
                    ContactCipher.fromBase64(privacy.contactKey()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(StoreConfiguration.RedisUrlNotSet.class)
    static class InMemory {

        @Bean
        InMemoryContactStore inMemoryContactStore(Clock clock) {
            return new InMemoryContactStore(clock);
        }
    }
}
