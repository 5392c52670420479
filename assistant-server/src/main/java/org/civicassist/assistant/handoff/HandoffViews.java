package org.civicassist.assistant.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.civicassist.assistant.conversation.ConsideredCandidate;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStatus;
import org.civicassist.assistant.conversation.Escalation;
import org.civicassist.assistant.conversation.TranscriptEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of handoff events and of the staff queue (see API.md, Staff). */
public final class HandoffViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private HandoffViews() {
    }

    /** A knowledge-base item the assistant considered. */
    public record CandidateView(String key, String title,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String section, double score) {
        public static CandidateView of(ConsideredCandidate c) {
            return new CandidateView(c.key(), c.title(), c.section(), Math.round(c.score() * 1000) / 1000.0);
        }
    }

    /**
     * A conversation waiting for (or held by) staff, as the queue lists it: whether the citizen left a contact, never
     * the contact itself (only the staff member who claimed it reads it, in the conversation).
     *
     * @param afterHours      taken out of office hours: a ticket, answered from {@code expectedReplyBy} on
     * @param queuePosition   1 for the first in line (waiting conversations only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueItem(@JsonProperty("conversation_id") String conversationId, String state, String reason,
                            String question, @JsonProperty("waiting_since") String waitingSince,
                            @JsonProperty("waiting_seconds") long waitingSeconds,
                            @JsonProperty("queue_position") Long queuePosition,
                            List<CandidateView> candidates,
                            @JsonProperty("has_contact") boolean hasContact,
                            @JsonProperty("after_hours") boolean afterHours,
                            @JsonProperty("expected_reply_by") String expectedReplyBy, String channel,
                            String staff, @JsonProperty("staff_name") String staffName,
                            @JsonProperty("claimed_at") String claimedAt) {

        public static QueueItem of(Conversation c, Escalation e, Long position, Instant now) {
            return new QueueItem(c.id(), c.status().wireName(), wire(e.reason()), e.question(),
                    e.requestedAt().toString(), Math.max(0, Duration.between(e.requestedAt(), now).toSeconds()),
                    position, e.candidates().stream().map(CandidateView::of).toList(), e.contactLeft(),
                    e.isTicket(), e.expectedReplyBy().map(Instant::toString).orElse(null), c.channel(),
                    e.staff().orElse(null), e.staffName().orElse(null),
                    e.claimedAt().map(Instant::toString).orElse(null));
        }
    }

    /** {@code event: message} of a citizen's stream, and of the staff stream. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageView(String id, String author, String text, String at,
                              @JsonProperty("staff_name") String staffName,
                              @JsonProperty("conversation_id") String conversationId) {
        public static MessageView of(TranscriptEntry e) {
            return new MessageView(e.id(), e.author().wireName(), e.text(), e.at().toString(),
                    e.staffName().orElse(null), null);
        }

        public static MessageView of(String conversationId, TranscriptEntry e) {
            return new MessageView(e.id(), e.author().wireName(), e.text(), e.at().toString(),
                    e.staffName().orElse(null), conversationId);
        }
    }

    /** {@code event: state} of a citizen's stream. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateView(String state, String reason, String at, @JsonProperty("queue_position") Long queuePosition,
                            @JsonProperty("staff_name") String staffName) {

        public static StateView of(Conversation c, Long position) {
            Escalation e = c.escalation().orElse(null);
            String reason = c.status() == ConversationStatus.BOT ? null
                    : c.handoffReason().map(HandoffViews::wire).orElse(null);
            Instant at = switch (c.status()) {
                case BOT -> c.createdAt();
                case WAITING -> e == null ? c.updatedAt() : e.requestedAt();
                case WITH_STAFF -> e == null ? c.updatedAt() : e.claimedAt().orElse(c.updatedAt());
                case CLOSED -> e == null ? c.updatedAt() : e.closedAt().orElse(c.updatedAt());
            };
            return new StateView(c.status().wireName(), reason, at.toString(),
                    c.status() == ConversationStatus.WAITING ? position : null,
                    c.status() == ConversationStatus.WITH_STAFF && e != null ? e.staffName().orElse(null) : null);
        }
    }

    /** A view as the map a {@link HandoffEvent} carries between instances. */
    public static Map<String, Object> asMap(Object view) {
        return JSON.convertValue(view, MAP);
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
