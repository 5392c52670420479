package org.civicassist.assistant.security;

import org.civicassist.assistant.conversation.ConversationTokens;
import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sessions in Redis, valid on every instance:
 *
 * <pre>
 * {prefix}staff:session:{sha256(token)}        the session as JSON; expires with the token
 * {prefix}staff:events-ticket:{sha256(ticket)} the same for an events ticket; read and deleted at once (GETDEL)
 * </pre>
 */
public final class RedisStaffSessions implements StaffSessions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Stored(String username, String displayName, List<String> roles, String expiresAt) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final String sessionPrefix;
    private final String ticketPrefix;
    private final Duration tokenTtl;
    private final Duration ticketTtl;
    private final Clock clock;

    public RedisStaffSessions(ReactiveStringRedisTemplate redis, String keyPrefix, Duration tokenTtl,
                              Duration ticketTtl, Clock clock) {
        this.redis = redis;
        this.sessionPrefix = keyPrefix + "staff:session:";
        this.ticketPrefix = keyPrefix + "staff:events-ticket:";
        this.tokenTtl = tokenTtl;
        this.ticketTtl = ticketTtl;
        this.clock = clock;
    }

    @Override
    public Mono<Issued> login(StaffAccount account) {
        return issue(sessionPrefix, tokenTtl, account.username(), account.displayName(), account.roles());
    }

    @Override
    public Mono<Session> resolve(String token) {
        return guard(redis.opsForValue().get(sessionPrefix + ConversationTokens.hash(token)).mapNotNull(this::live));
    }

    @Override
    public Mono<Void> logout(String token) {
        return guard(redis.delete(sessionPrefix + ConversationTokens.hash(token)).then());
    }

    @Override
    public Mono<Issued> eventsTicket(StaffPrincipal p) {
        return issue(ticketPrefix, ticketTtl, p.username(), p.displayName(), p.roles());
    }

    @Override
    public Mono<Session> redeemEventsTicket(String ticket) {
        return guard(redis.opsForValue().getAndDelete(ticketPrefix + ConversationTokens.hash(ticket))
                .mapNotNull(this::live));
    }

    private Mono<Issued> issue(String prefix, Duration ttl, String username, String displayName, Set<Role> roles) {
        Instant expires = clock.instant().plus(ttl);
        String token = ConversationTokens.newToken();
        String json = JSON.writeValueAsString(new Stored(username, displayName,
                roles.stream().map(Role::name).sorted().toList(), expires.toString()));
        return guard(redis.opsForValue().set(prefix + ConversationTokens.hash(token), json, ttl)
                .thenReturn(new Issued(token, expires)));
    }

    private Session live(String json) {
        Stored s = JSON.readValue(json, Stored.class);
        Instant expires = Instant.parse(s.expiresAt());
        if (!expires.isAfter(clock.instant())) {
            return null;
        }
        return new Session(s.username(), s.displayName(),
                s.roles().stream().map(Role::valueOf).collect(Collectors.toSet()), expires);
    }

    private static <T> Mono<T> guard(Mono<T> call) {
        return call.onErrorMap(StoreUnavailableException::isRedisFailure,
                e -> new StoreUnavailableException("staff session", e));
    }
}
