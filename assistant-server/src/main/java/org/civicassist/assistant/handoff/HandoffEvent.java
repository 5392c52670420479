package org.civicassist.assistant.handoff;

import java.util.Map;
import java.util.Objects;

/**
 * Something staff or a citizen's open event stream must hear about, passed between server instances.
 *
 * @param type           {@link #CHANGED} (the conversation changed: a citizen's stream re-reads it), or a staff event:
 *                       {@link #QUEUE}, {@link #MESSAGE}, {@link #CLAIMED}, {@link #CLOSED}
 * @param conversationId the conversation concerned
 * @param recipient      the only staff member to tell ({@code message}), or {@code null} for every staff member
 * @param data           the staff event's payload, as sent
 */
public record HandoffEvent(String type, String conversationId, String recipient, Map<String, Object> data) {

    public static final String CHANGED = "changed";
    public static final String QUEUE = "queue";
    public static final String MESSAGE = "message";
    public static final String CLAIMED = "claimed";
    public static final String CLOSED = "closed";

    public HandoffEvent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(conversationId);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static HandoffEvent changed(String conversationId) {
        return new HandoffEvent(CHANGED, conversationId, null, Map.of());
    }

    public boolean forStaff() {
        return !CHANGED.equals(type);
    }

    public boolean isFor(String username) {
        return recipient == null || recipient.equals(username);
    }
}
