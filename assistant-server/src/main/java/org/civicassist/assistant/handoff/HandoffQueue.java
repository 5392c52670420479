package org.civicassist.assistant.handoff;

import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/**
 * The order in which conversations wait for staff, and which staff member has which: an index over the conversation
 * store, shared by every server instance when Redis is configured. The conversation itself stays the truth (its
 * status and assignee change by compare-and-set in the store, which is what makes a claim atomic); an entry left
 * behind by a conversation that expired or changed elsewhere is dropped when it is next read.
 */
public interface HandoffQueue {

    record Waiting(String conversationId, Instant since) {
    }

    /** Adds a waiting conversation (keeping its first time if it is already there). */
    Mono<Void> add(String conversationId, Instant since);

    Mono<Void> remove(String conversationId);

    /** The oldest waiting conversations first. */
    Mono<List<Waiting>> oldest(int limit);

    /** 1 for the first in line; empty when the conversation is not waiting. */
    Mono<Long> position(String conversationId);

    Mono<Void> assign(String conversationId, String staff);

    Mono<Void> unassign(String conversationId, String staff);

    /** Conversations assigned to the staff member, in no particular order. */
    Mono<List<String>> assignedTo(String staff);
}
