package org.civicassist.assistant.privacy;

import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Contacts in Redis, encrypted: {@code {prefix}contact:{conversation id}} holds {@link ContactCipher} output and
 * expires on its own (while the conversation is open: {@link RetentionPolicy#contactsWhileOpen()}; after closing:
 * {@link RetentionPolicy#contacts()}).
 */
public final class RedisContactStore implements ContactStore {

    private static final Logger log = LoggerFactory.getLogger(RedisContactStore.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final ContactCipher cipher;

    public RedisContactStore(ReactiveStringRedisTemplate redis, String keyPrefix, ContactCipher cipher) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.cipher = cipher;
    }

    @Override
    public Mono<Void> keep(String conversationId, String contact, Duration ttl) {
        return Mono.fromSupplier(() -> cipher.encrypt(conversationId, contact))
                .flatMap(sealed -> redis.opsForValue().set(key(conversationId), sealed, ttl))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("contact", e))
                .then();
    }

    @Override
    public Mono<String> find(String conversationId) {
        return redis.opsForValue().get(key(conversationId))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("contact", e))
                .flatMap(sealed -> {
                    try {
                        return Mono.just(cipher.decrypt(conversationId, sealed));
                    } catch (IllegalArgumentException e) {
                        // a changed key: the contact is unreadable, which staff see as none
                        log.warn("conversation={}: {}", conversationId, e.getMessage());
                        return Mono.empty();
                    }
                });
    }

    @Override
    public Mono<Void> expireIn(String conversationId, Duration ttl) {
        String key = key(conversationId);
        return redis.getExpire(key)
                .filter(left -> left.isNegative() || left.compareTo(ttl) > 0)
                .flatMap(left -> redis.expire(key, ttl))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("contact", e))
                .then();
    }

    @Override
    public Mono<Void> delete(String conversationId) {
        return redis.delete(key(conversationId))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("contact", e))
                .then();
    }

    private String key(String conversationId) {
        return prefix + "contact:" + conversationId;
    }
}
