package org.civicassist.assistant.security;

import org.civicassist.assistant.conversation.ConversationTokens;
import org.civicassist.assistant.conversation.Sweepable;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions of the embedded default (a restart logs everyone out). */
public final class InMemoryStaffSessions implements StaffSessions, Sweepable {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> tickets = new ConcurrentHashMap<>();
    private final Duration tokenTtl;
    private final Duration ticketTtl;
    private final Clock clock;

    public InMemoryStaffSessions(Duration tokenTtl, Duration ticketTtl, Clock clock) {
        this.tokenTtl = tokenTtl;
        this.ticketTtl = ticketTtl;
        this.clock = clock;
    }

    @Override
    public Mono<Issued> login(StaffAccount account) {
        return Mono.fromSupplier(() -> {
            dropExpired();
            Instant expires = clock.instant().plus(tokenTtl);
            String token = ConversationTokens.newToken();
            sessions.put(ConversationTokens.hash(token), new Session(account.username(), account.displayName(),
                    account.roles(), expires));
            return new Issued(token, expires);
        });
    }

    @Override
    public Mono<Session> resolve(String token) {
        return Mono.fromSupplier(() -> live(sessions.get(ConversationTokens.hash(token))));
    }

    @Override
    public Mono<Void> logout(String token) {
        return Mono.fromRunnable(() -> sessions.remove(ConversationTokens.hash(token)));
    }

    @Override
    public Mono<Issued> eventsTicket(StaffPrincipal principal) {
        return Mono.fromSupplier(() -> {
            Instant expires = clock.instant().plus(ticketTtl);
            String ticket = ConversationTokens.newToken();
            tickets.put(ConversationTokens.hash(ticket), new Session(principal.username(), principal.displayName(),
                    principal.roles(), expires));
            return new Issued(ticket, expires);
        });
    }

    @Override
    public Mono<Session> redeemEventsTicket(String ticket) {
        return Mono.fromSupplier(() -> live(tickets.remove(ConversationTokens.hash(ticket))));
    }

    private Session live(Session s) {
        return s != null && s.expiresAt().isAfter(clock.instant()) ? s : null;
    }

    private void dropExpired() {
        sweep();
    }

    @Override
    public int sweep() {
        Instant now = clock.instant();
        int before = sessions.size() + tickets.size();
        sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
        tickets.values().removeIf(s -> !s.expiresAt().isAfter(now));
        return before - sessions.size() - tickets.size();
    }
}
