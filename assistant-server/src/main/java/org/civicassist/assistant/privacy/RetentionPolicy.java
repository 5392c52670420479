package org.civicassist.assistant.privacy;

import org.civicassist.assistant.conversation.Retention;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each kind of personal or operational data lives, in one place ({@code assistant.retention.*}). In Redis
 * every key carries its expiry; in memory a sweeper ({@link org.civicassist.assistant.conversation.ConversationMaintenance})
 * drops what is past it. A citizen's deletion request removes their conversation before any of these.
 *
 * @param conversations  a conversation with the assistant (or a closed one), after its last activity
 * @param handedOff      a conversation waiting for or with staff, after its last activity (never shorter than
 *                       {@code conversations}: long enough for a message left before a long holiday)
 * @param contacts       the contact left for a call back, after the conversation is closed (or the request for a
 *                       person cancelled): the grace period for the call
 * @param feedback       feedback records in analytics (verdicts, ratings, masked comments)
 * @param analytics      question records in analytics (masked questions, outcomes), and the longest report
 * @param audit          entries of the audit log of staff actions
 * @param staffSessions  a staff login
 */
@ConfigurationProperties("assistant.retention")
public record RetentionPolicy(@DefaultValue("24h") Duration conversations,
                              @DefaultValue("14d") Duration handedOff,
                              @DefaultValue("7d") Duration contacts,
                              @DefaultValue("90d") Duration feedback,
                              @DefaultValue("90d") Duration analytics,
                              @DefaultValue("365d") Duration audit,
                              @DefaultValue("8h") Duration staffSessions) {

    public RetentionPolicy {
        Map<String, Duration> all = new LinkedHashMap<>();
        all.put("conversations", conversations);
        all.put("handed-off", handedOff);
        all.put("contacts", contacts);
        all.put("feedback", feedback);
        all.put("analytics", analytics);
        all.put("audit", audit);
        all.put("staff-sessions", staffSessions);
        all.forEach((name, d) -> {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("assistant.retention." + name + " must be a positive duration");
            }
        });
    }

    /** The defaults, as documented. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Duration.ofHours(24), Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(90),
                Duration.ofDays(90), Duration.ofDays(365), Duration.ofHours(8));
    }

    /** How long conversations live, by status. */
    public Retention conversationRetention() {
        return new Retention(conversations, handedOff);
    }

    /** How long a contact is kept while its conversation is open: as long as the conversation, plus the grace. */
    public Duration contactsWhileOpen() {
        return handedOff.plus(contacts);
    }

    public int analyticsDays() {
        return (int) Math.max(1, analytics.toDays());
    }
}
