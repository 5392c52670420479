package org.civicassist.assistant.conversation;

import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.reply.HandoffReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation between a citizen and the assistant (and possibly staff). Immutable: every change returns a new
 * value that the {@link ConversationStore} saves.
 *
 * @param tokenHash     SHA-256 of the conversation token; the token itself is never stored
 * @param handoffReason why it was handed to a person, while waiting or with staff
 * @param feedback      the citizen's verdicts on replies, at most one per reply (the latest)
 * @param rating        the citizen's rating of the conversation (the latest)
 * @param escalation    the handoff to staff, from the moment it was handed over (kept after it is closed)
 * @param version       incremented on every save, for optimistic concurrency
 */
public record Conversation(String id, String tokenHash, String channel, String locale, Instant createdAt,
                           Instant updatedAt, ConversationStatus status, DialogueState dialogue,
                           List<TranscriptEntry> transcript, Optional<HandoffReason> handoffReason,
                           List<ReplyFeedback> feedback, Optional<ConversationRating> rating,
                           Optional<Escalation> escalation, long version) {

    public Conversation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tokenHash);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
        Objects.requireNonNull(status);
        Objects.requireNonNull(dialogue);
        transcript = List.copyOf(transcript);
        Objects.requireNonNull(handoffReason);
        feedback = List.copyOf(feedback);
        Objects.requireNonNull(rating);
        Objects.requireNonNull(escalation);
    }

    public static Conversation start(String id, String tokenHash, String channel, String locale, Instant now) {
        return new Conversation(id, tokenHash, channel, locale, now, now, ConversationStatus.BOT,
                DialogueState.initial(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), 0);
    }

    public Conversation append(TranscriptEntry entry) {
        List<TranscriptEntry> t = new ArrayList<>(transcript);
        t.add(entry);
        return new Conversation(id, tokenHash, channel, locale, createdAt, entry.at(), status, dialogue, t,
                handoffReason, feedback, rating, escalation, version);
    }

    public Conversation withDialogue(DialogueState next) {
        return new Conversation(id, tokenHash, channel, locale, createdAt, updatedAt, status, next, transcript,
                handoffReason, feedback, rating, escalation, version);
    }

    public Conversation withStatus(ConversationStatus next, Optional<HandoffReason> reason, Instant now) {
        return new Conversation(id, tokenHash, channel, locale, createdAt, now, next, dialogue, transcript, reason,
                feedback, rating, escalation, version);
    }

    /** Records a verdict on a reply, replacing an earlier verdict on the same reply. */
    public Conversation withFeedback(ReplyFeedback verdict) {
        List<ReplyFeedback> f = new ArrayList<>(feedback);
        f.removeIf(old -> old.messageId().equals(verdict.messageId()));
        f.add(verdict);
        return new Conversation(id, tokenHash, channel, locale, createdAt, later(verdict.at()), status, dialogue,
                transcript, handoffReason, f, rating, escalation, version);
    }

    public Conversation withRating(ConversationRating next) {
        return new Conversation(id, tokenHash, channel, locale, createdAt, later(next.at()), status, dialogue,
                transcript, handoffReason, feedback, Optional.of(next), escalation, version);
    }

    public Conversation nextVersion() {
        return new Conversation(id, tokenHash, channel, locale, createdAt, updatedAt, status, dialogue, transcript,
                handoffReason, feedback, rating, escalation, version + 1);
    }

    /** Hands the conversation to staff: it waits in the queue for the escalation's reason. */
    public Conversation escalate(Escalation e) {
        return new Conversation(id, tokenHash, channel, locale, createdAt, later(e.requestedAt()),
                ConversationStatus.WAITING, dialogue, transcript, Optional.of(e.reason()), feedback, rating,
                Optional.of(e), version);
    }

    /** Replaces the escalation's details without changing the status (contact left, staff assigned, closed). */
    public Conversation withEscalation(Escalation e) {
        return new Conversation(id, tokenHash, channel, locale, createdAt, updatedAt, status, dialogue, transcript,
                handoffReason, feedback, rating, Optional.of(e), version);
    }

    /** Appends a message of the given author (a staff member's message carries their display name). */
    public Conversation say(Author author, String text, Instant at, Optional<String> staffName) {
        return append(new TranscriptEntry(nextEntryId(), author, text, at, Optional.empty(), staffName));
    }

    /** The same with one entry's text replaced (personal data found later masked in it). */
    public Conversation withEntryText(String entryId, String text) {
        List<TranscriptEntry> t = transcript.stream().map(e -> e.id().equals(entryId)
                ? new TranscriptEntry(e.id(), e.author(), text, e.at(), e.reply(), e.staffName(),
                e.considered()) : e).toList();
        return new Conversation(id, tokenHash, channel, locale, createdAt, updatedAt, status, dialogue, t,
                handoffReason, feedback, rating, escalation, version);
    }

    /** The citizen's latest message, if any. */
    public Optional<TranscriptEntry> lastCitizenEntry() {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            if (transcript.get(i).author() == Author.CITIZEN) {
                return Optional.of(transcript.get(i));
            }
        }
        return Optional.empty();
    }

    /** Id for the next transcript entry: its position, zero-padded so ids sort in order. */
    public String nextEntryId() {
        return String.format(Locale.ROOT, "%06d", transcript.size() + 1);
    }

    public Optional<TranscriptEntry> entry(String entryId) {
        return transcript.stream().filter(e -> e.id().equals(entryId)).findFirst();
    }

    private Instant later(Instant at) {
        return at.isAfter(updatedAt) ? at : updatedAt;
    }
}
