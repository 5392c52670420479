package org.civicassist.assistant.security;

import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts in the Redis hash {@code {prefix}staff:accounts}: field = username, value = the account as JSON
 * (username, display name, BCrypt hash, roles, created, enabled). {@code HSETNX} makes creation first-come.
 */
public final class RedisStaffAccounts implements StaffAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Stored(String username, String displayName, String passwordHash, List<String> roles, String createdAt,
                  boolean enabled) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final String key;

    public RedisStaffAccounts(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.key = keyPrefix + "staff:accounts";
    }

    @Override
    public Mono<StaffAccount> find(String username) {
        return redis.<String, String>opsForHash().get(key, username).map(RedisStaffAccounts::read)
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("account", e));
    }

    @Override
    public Mono<Boolean> create(StaffAccount account) {
        return redis.<String, String>opsForHash().putIfAbsent(key, account.username(), write(account))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("account", e));
    }

    @Override
    public Mono<List<StaffAccount>> all() {
        return redis.<String, String>opsForHash().values(key).map(RedisStaffAccounts::read)
                .sort(Comparator.comparing(StaffAccount::username)).collectList()
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("account", e));
    }

    private static String write(StaffAccount a) {
        return JSON.writeValueAsString(new Stored(a.username(), a.displayName(), a.passwordHash(),
                a.roles().stream().map(Role::name).sorted().toList(), a.createdAt().toString(), a.enabled()));
    }

    private static StaffAccount read(String json) {
        Stored s = JSON.readValue(json, Stored.class);
        Set<Role> roles = s.roles().stream().map(Role::valueOf).collect(Collectors.toSet());
        return new StaffAccount(s.username(), s.displayName(), s.passwordHash(), roles, Instant.parse(s.createdAt()),
                s.enabled());
    }
}
