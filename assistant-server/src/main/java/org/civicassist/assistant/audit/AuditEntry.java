package org.civicassist.assistant.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;

/**
 * One staff action: who did what to which conversation or account, and when. Never holds message text or contact
 * details (those stay with the conversation).
 *
 * @param actor  the staff username (for a failed login, the username that was tried)
 * @param action e.g. {@code login}, {@code claim}, {@code reply}, {@code transfer}, {@code close}
 * @param target a conversation id or a username, or {@code null}
 * @param detail a short machine-readable note ({@code to=alice}, {@code roles=STAFF}), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant at, String actor, String action, String target, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
    }
}
