package org.civicassist.assistant.conversation;

/** A conversation changed under every attempt to update it: too many writers at once. Retrying later helps. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String conversationId, int attempts) {
        super("conversation " + conversationId + " changed concurrently on each of " + attempts + " attempts");
    }
}
