package org.civicassist.assistant.security;

import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Bearer tokens of logged-in staff, and the short-lived single-use tickets that let a browser's EventSource (which
 * cannot send headers) open the staff event stream with {@code ?token=}. Only a SHA-256 of each token is stored;
 * both expire by themselves.
 */
public interface StaffSessions {

    /** An issued token: shown once to its holder. */
    record Issued(String token, Instant expiresAt) {
    }

    /** What a token stands for. */
    record Session(String username, String displayName, java.util.Set<Role> roles, Instant expiresAt) {
        public StaffPrincipal principal() {
            return new StaffPrincipal(username, displayName, roles);
        }
    }

    Mono<Issued> login(StaffAccount account);

    /** The session of a login token, if it exists and has not expired. */
    Mono<Session> resolve(String token);

    Mono<Void> logout(String token);

    /** A ticket for one connection to the staff event stream, valid for a minute or so. */
    Mono<Issued> eventsTicket(StaffPrincipal principal);

    /** The session of an events ticket, which is used up by this call. */
    Mono<Session> redeemEventsTicket(String ticket);
}
