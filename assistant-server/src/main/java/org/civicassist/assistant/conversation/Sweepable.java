package org.civicassist.assistant.conversation;

/**
 * Data kept in memory that drops what is past its retention when swept (Redis expires its own keys); swept
 * periodically by {@link ConversationMaintenance}.
 */
public interface Sweepable {

    /** Drops what has expired; how many items were dropped. */
    int sweep();
}
