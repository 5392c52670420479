package org.civicassist.assistant.privacy;

import org.civicassist.assistant.conversation.Sweepable;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Contacts of the embedded default: in memory only (never written anywhere), swept when expired. */
public final class InMemoryContactStore implements ContactStore, Sweepable {

    private record Kept(String contact, Instant expiresAt) {
    }

    private final Map<String, Kept> contacts = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryContactStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> keep(String conversationId, String contact, Duration ttl) {
        return Mono.fromRunnable(() -> contacts.put(conversationId, new Kept(contact, clock.instant().plus(ttl))));
    }

    @Override
    public Mono<String> find(String conversationId) {
        return Mono.fromSupplier(() -> {
            Kept k = contacts.get(conversationId);
            return k != null && k.expiresAt().isAfter(clock.instant()) ? k.contact() : null;
        });
    }

    @Override
    public Mono<Void> expireIn(String conversationId, Duration ttl) {
        return Mono.fromRunnable(() -> contacts.computeIfPresent(conversationId, (id, k) -> {
            Instant sooner = clock.instant().plus(ttl);
            return sooner.isBefore(k.expiresAt()) ? new Kept(k.contact(), sooner) : k;
        }));
    }

    @Override
    public Mono<Void> delete(String conversationId) {
        return Mono.fromRunnable(() -> contacts.remove(conversationId));
    }

    @Override
    public int sweep() {
        Instant now = clock.instant();
        int before = contacts.size();
        contacts.values().removeIf(k -> !k.expiresAt().isAfter(now));
        return before - contacts.size();
    }
}
