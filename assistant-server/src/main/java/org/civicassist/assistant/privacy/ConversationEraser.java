package org.civicassist.assistant.privacy;

import org.civicassist.assistant.analytics.AnalyticsStore;
import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.Escalation;
import org.civicassist.assistant.handoff.HandoffEvent;
import org.civicassist.assistant.handoff.HandoffEvents;
import org.civicassist.assistant.handoff.HandoffQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Deletes a conversation at the citizen's request (or an administrator's, on the citizen's behalf): the transcript
 * with its feedback and rating, the contact, the queue entries go at once, from the shared store (so every instance
 * stops finding it); analytics keep only counts ({@link AnalyticsStore#forget}); staff consoles are told it is gone.
 * The audit log records who deleted which conversation and when, nothing of its content.
 */
public class ConversationEraser {

    private static final Logger log = LoggerFactory.getLogger(ConversationEraser.class);

    /** The audit log's actor for a deletion by the citizen. */
    public static final String CITIZEN = "citizen";

    private final ConversationStore store;
    private final ContactStore contacts;
    private final HandoffQueue queue;
    private final HandoffEvents events;
    private final AnalyticsStore analytics;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public ConversationEraser(ConversationStore store, ContactStore contacts, HandoffQueue queue,
                              HandoffEvents events, AnalyticsStore analytics, AuditLog audit, Clock clock,
                              ZoneId zone) {
        this.store = store;
        this.contacts = contacts;
        this.queue = queue;
        this.events = events;
        this.analytics = analytics;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Deletes {@code c}; {@code actor} is {@link #CITIZEN} or a staff username. */
    public Mono<Void> erase(Conversation c, String actor) {
        String id = c.id();
        // days in the analytics zone that may hold its records (a day either side for clock skew between instances)
        LocalDate from = LocalDate.ofInstant(c.createdAt(), zone).minusDays(1);
        LocalDate to = LocalDate.ofInstant(clock.instant(), zone).plusDays(1);
        Mono<Void> unassign = c.escalation().flatMap(Escalation::staff).map(s -> queue.unassign(id, s))
                .orElse(Mono.empty());
        // the conversation itself goes last: a step that fails leaves it findable, and the request can be repeated
        return analytics.forget(id, from, to)
                .flatMap(forgotten -> contacts.delete(id)
                        .then(queue.remove(id))
                        .then(unassign)
                        .then(store.delete(id))
                        .then(audit.record(new AuditEntry(clock.instant(), actor, "delete", id,
                                "analytics_anonymised=" + forgotten))))
                .then(events.publish(new HandoffEvent(HandoffEvent.CLOSED, id, null,
                                Map.of("conversation_id", id, "deleted", true)))
                        .onErrorResume(e -> {
                            log.warn("conversation={} deleted, staff not told: {}", id, e.toString());
                            return Mono.empty();
                        }))
                .doOnSuccess(v -> log.info("conversation={} deleted by {}", id,
                        CITIZEN.equals(actor) ? "the citizen" : "staff"));
    }
}
