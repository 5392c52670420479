package org.civicassist.assistant.teach;

import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Pending suggestions (similar questions staff proposed), in memory or in Redis. A suggestion leaves the store when a
 * maintainer accepts or rejects it; {@link #remove} is the one step that decides which of two concurrent decisions
 * wins.
 */
public interface SuggestionStore {

    Mono<Void> add(Suggestion suggestion);

    /** Every pending suggestion, oldest first. */
    Mono<List<Suggestion>> pending();

    Mono<Suggestion> find(String id);

    /** Removes the suggestion; {@code true} only for the caller that removed it. */
    Mono<Boolean> remove(String id);
}
