package org.civicassist.assistant.conversation;

import org.civicassist.assistant.reply.HandoffReason;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why and how a conversation went to a person, from the moment it was handed over until it was closed: what staff
 * need to pick it up (the question, the reason, what the bot considered, how to reach the citizen) and who took it.
 *
 * @param reason          why it was handed over
 * @param requestedAt     when it joined the queue (the waiting time counts from here)
 * @param question        the citizen's question that led to the handoff, as typed
 * @param candidates      the knowledge-base items the assistant considered, best first
 * @param contactLeft     the citizen left a contact for a call back: it is kept apart from the conversation
 *                        ({@link org.civicassist.assistant.privacy.ContactStore}, encrypted in Redis) and shown only to
 *                        the staff member who claimed it
 * @param expectedReplyBy out of office hours: when the citizen was told to expect an answer (a ticket); empty when
 *                        staff were on duty
 * @param staff           the username of the staff member who has it, once claimed
 * @param staffName       that staff member's display name, as the citizen sees it
 * @param claimedAt       when it was (last) claimed or transferred
 * @param resolution      the staff member's closing note
 * @param closedAt        when staff closed it
 */
public record Escalation(HandoffReason reason, Instant requestedAt, String question,
                         List<ConsideredCandidate> candidates, boolean contactLeft,
                         Optional<Instant> expectedReplyBy, Optional<String> staff, Optional<String> staffName,
                         Optional<Instant> claimedAt, Optional<String> resolution, Optional<Instant> closedAt) {

    public Escalation {
        Objects.requireNonNull(reason);
        Objects.requireNonNull(requestedAt);
        Objects.requireNonNull(question);
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(expectedReplyBy);
        Objects.requireNonNull(staff);
        Objects.requireNonNull(staffName);
        Objects.requireNonNull(claimedAt);
        Objects.requireNonNull(resolution);
        Objects.requireNonNull(closedAt);
    }

    /** A new escalation, not yet claimed. */
    public static Escalation open(HandoffReason reason, Instant at, String question,
                                  List<ConsideredCandidate> candidates, boolean contactLeft,
                                  Optional<Instant> expectedReplyBy) {
        return new Escalation(reason, at, question, candidates, contactLeft, expectedReplyBy, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Taken out of office hours: a ticket to be answered when staff are back. */
    public boolean isTicket() {
        return expectedReplyBy.isPresent();
    }

    /** The citizen left a contact (kept apart). */
    public Escalation withContactLeft() {
        return new Escalation(reason, requestedAt, question, candidates, true, expectedReplyBy, staff,
                staffName, claimedAt, resolution, closedAt);
    }

    public Escalation assignedTo(String username, String displayName, Instant at) {
        return new Escalation(reason, requestedAt, question, candidates, contactLeft, expectedReplyBy,
                Optional.of(username), Optional.of(displayName), Optional.of(at), resolution, closedAt);
    }

    public Escalation closed(Optional<String> note, Instant at) {
        return new Escalation(reason, requestedAt, question, candidates, contactLeft, expectedReplyBy, staff, staffName,
                claimedAt, note, Optional.of(at));
    }

    public boolean isAssignedTo(String username) {
        return staff.filter(username::equals).isPresent();
    }
}
