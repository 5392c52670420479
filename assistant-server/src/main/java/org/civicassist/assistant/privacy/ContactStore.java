package org.civicassist.assistant.privacy;

import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The contact (phone, e-mail) a citizen leaves on purpose for a call back, kept apart from the conversation: never
 * in the transcript, the queue, analytics or the logs; read only for the staff member who claimed the conversation;
 * encrypted at rest in Redis ({@link ContactCipher}); gone {@code assistant.retention.contacts} after the
 * conversation is closed, or at once when the citizen deletes the conversation.
 */
public interface ContactStore {

    /** Keeps (or replaces) the conversation's contact for {@code ttl}. */
    Mono<Void> keep(String conversationId, String contact, Duration ttl);

    /** The contact, or empty. */
    Mono<String> find(String conversationId);

    /** Shortens what is left of the contact's life to {@code ttl} (the grace period after closing). */
    Mono<Void> expireIn(String conversationId, Duration ttl);

    Mono<Void> delete(String conversationId);
}
