package org.civicassist.assistant.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.civicassist.assistant.chat.ChatDtos.ReplyView;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.Escalation;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.handoff.HandoffViews.CandidateView;
import org.civicassist.assistant.handoff.HandoffViews.QueueItem;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of the staff API. */
public final class StaffViews {

    private StaffViews() {
    }

    public record TextRequest(String text) {
    }

    /**
     * @param answeredBy optional: the KB item (FAQ id, guide id or {@code guide-id#section}) that answered the
     *                   citizen; the question becomes a suggested similar question of it, for a maintainer to accept
     */
    public record CloseRequest(String note, @JsonProperty("answered_by") String answeredBy) {
    }

    public record TransferRequest(String to) {
    }

    /** One message as staff see it (with the assistant's full reply, and feedback on it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(String id, String author, String text, String at, ReplyView reply,
                            @JsonProperty("staff_name") String staffName, Boolean useful) {
        static EntryView of(TranscriptEntry e, Conversation c) {
            Boolean useful = c.feedback().stream().filter(f -> f.messageId().equals(e.id())).findFirst()
                    .map(f -> f.useful()).orElse(null);
            return new EntryView(e.id(), e.author().wireName(), e.text(), e.at().toString(),
                    e.reply().map(ReplyView::of).orElse(null), e.staffName().orElse(null), useful);
        }
    }

    /**
     * {@code GET /api/v1/staff/conversations/{id}}: the transcript, the escalation and what the bot considered;
     * {@code contact} only for the staff member who claimed it ({@code has_contact} for everyone).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationView(@JsonProperty("conversation_id") String conversationId, String state,
                                   String reason, String question, List<CandidateView> candidates,
                                   @JsonProperty("has_contact") Boolean hasContact, String contact,
                                   @JsonProperty("after_hours") Boolean afterHours,
                                   @JsonProperty("expected_reply_by") String expectedReplyBy,
                                   @JsonProperty("waiting_since") String waitingSince, String staff,
                                   @JsonProperty("staff_name") String staffName,
                                   @JsonProperty("claimed_at") String claimedAt, String resolution,
                                   @JsonProperty("closed_at") String closedAt, String channel,
                                   @JsonProperty("created_at") String createdAt, Integer rating,
                                   List<EntryView> messages) {

        static ConversationView of(Conversation c) {
            return of(c, Optional.empty());
        }

        /** With the contact left for a call back, for the staff member who claimed the conversation only. */
        static ConversationView of(Conversation c, Optional<String> contact) {
            Escalation e = c.escalation().orElse(null);
            return new ConversationView(c.id(), c.status().wireName(),
                    c.handoffReason().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).orElse(null),
                    e == null ? null : e.question(),
                    e == null ? List.of() : e.candidates().stream().map(CandidateView::of).toList(),
                    e == null ? null : e.contactLeft(), contact.orElse(null), e == null ? null : e.isTicket(),
                    e == null ? null : e.expectedReplyBy().map(Instant::toString).orElse(null),
                    e == null ? null : e.requestedAt().toString(), e == null ? null : e.staff().orElse(null),
                    e == null ? null : e.staffName().orElse(null),
                    e == null ? null : e.claimedAt().map(Instant::toString).orElse(null),
                    e == null ? null : e.resolution().orElse(null),
                    e == null ? null : e.closedAt().map(Instant::toString).orElse(null),
                    c.channel(), c.createdAt().toString(), c.rating().map(r -> r.rating()).orElse(null),
                    c.transcript().stream().map(t -> EntryView.of(t, c)).toList());
        }
    }

    /** {@code GET /api/v1/staff/conversations/{id}/export}: one conversation as a record, with who exported it. */
    public record Export(@JsonProperty("exported_at") String exportedAt, @JsonProperty("exported_by") String exportedBy,
                         @JsonProperty("exported_by_name") String exportedByName, ConversationView conversation) {
    }

    /** The staff member's own conversations and the queue, for the console's first paint. */
    public record Overview(List<QueueItem> waiting, List<QueueItem> mine) {
    }

    /** A knowledge-base passage found by the staff search, ready to be quoted with its source. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KbHit(String key, String title, String section, String text, String url, double score,
                        String citation) {
        static KbHit of(Candidate c) {
            Passage p = c.passage();
            String title = p.kind() == PassageKind.FAQ && !p.questions().isEmpty() ? p.questions().get(0) : p.title();
            String source = p.section() == null ? p.title() : p.title() + " · " + p.section();
            return new KbHit(p.citationKey(), title, p.section(), p.text(), p.url(),
                    Double.isFinite(c.score()) ? Math.round(c.score() * 1000) / 1000.0 : 0,
                    "（来源：" + source + (p.url() == null ? "" : "，" + p.url()) + "）");
        }
    }

    public record EventsTicket(String ticket, @JsonProperty("expires_at") String expiresAt) {
    }
}
