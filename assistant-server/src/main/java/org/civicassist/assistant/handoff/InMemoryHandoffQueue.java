package org.civicassist.assistant.handoff;

import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The queue of the embedded default (one server, conversations in memory). */
public final class InMemoryHandoffQueue implements HandoffQueue {

    private static final Comparator<Waiting> OLDEST_FIRST = Comparator.comparing(Waiting::since)
            .thenComparing(Waiting::conversationId);

    private final Map<String, Instant> waiting = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> assigned = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> add(String conversationId, Instant since) {
        return Mono.fromRunnable(() -> waiting.putIfAbsent(conversationId, since));
    }

    @Override
    public Mono<Void> remove(String conversationId) {
        return Mono.fromRunnable(() -> waiting.remove(conversationId));
    }

    @Override
    public Mono<List<Waiting>> oldest(int limit) {
        return Mono.fromSupplier(() -> sorted().stream().limit(limit).toList());
    }

    @Override
    public Mono<Long> position(String conversationId) {
        return Mono.fromSupplier(() -> {
            List<Waiting> all = sorted();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).conversationId().equals(conversationId)) {
                    return (long) i + 1;
                }
            }
            return null;
        });
    }

    @Override
    public Mono<Void> assign(String conversationId, String staff) {
        return Mono.fromRunnable(() -> assigned.computeIfAbsent(staff, s -> ConcurrentHashMap.newKeySet())
                .add(conversationId));
    }

    @Override
    public Mono<Void> unassign(String conversationId, String staff) {
        return Mono.fromRunnable(() -> assigned.computeIfPresent(staff, (s, ids) -> {
            ids.remove(conversationId);
            return ids.isEmpty() ? null : ids;
        }));
    }

    @Override
    public Mono<List<String>> assignedTo(String staff) {
        return Mono.fromSupplier(() -> List.copyOf(assigned.getOrDefault(staff, Set.of())));
    }

    private List<Waiting> sorted() {
        List<Waiting> all = new ArrayList<>();
        waiting.forEach((id, since) -> all.add(new Waiting(id, since)));
        all.sort(OLDEST_FIRST);
        return all;
    }
}
