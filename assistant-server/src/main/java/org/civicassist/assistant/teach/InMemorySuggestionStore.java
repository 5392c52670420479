package org.civicassist.assistant.teach;

import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Pending suggestions of the embedded default: in memory, lost on restart. */
public final class InMemorySuggestionStore implements SuggestionStore {

    private final ConcurrentHashMap<String, Suggestion> byId = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> add(Suggestion suggestion) {
        return Mono.fromRunnable(() -> byId.put(suggestion.id(), suggestion));
    }

    @Override
    public Mono<List<Suggestion>> pending() {
        return Mono.fromSupplier(() -> byId.values().stream()
                .sorted(Comparator.comparing(Suggestion::suggestedAt).thenComparing(Suggestion::id)).toList());
    }

    @Override
    public Mono<Suggestion> find(String id) {
        return Mono.justOrEmpty(byId.get(id));
    }

    @Override
    public Mono<Boolean> remove(String id) {
        return Mono.fromSupplier(() -> byId.remove(id) != null);
    }
}
