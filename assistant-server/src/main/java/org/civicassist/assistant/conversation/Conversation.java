package org.civicassist.assistant.conversation;

import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.reply.HandoffReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation between a citizen and the assistant (and possibly staff). Immutable: every change returns a new
 * value that the {@link ConversationStore} saves.
 *
 * @param tokenHash     SHA-256 of the conversation token; the token itself is never stored
 * @param handoffReason why it was handed to a person, while waiting or with staff
 * @param version       incremented on every save, for optimistic concurrency
 */
public record Conversation(String id, String tokenHash, String channel, String locale, Instant createdAt,
                           Instant updatedAt, ConversationStatus status, DialogueState dialogue,
                           List<TranscriptEntry> transcript, Optional<HandoffReason> handoffReason, long version) {

    public Conversation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tokenHash);
        Objects.requireNonNull(status);
        Objects.requireNonNull(dialogue);
        transcript = List.copyOf(transcript);
        Objects.requireNonNull(handoffReason);
    }

    public static Conversation start(String id, String tokenHash, String channel, String locale, Instant now) {
        return new Conversation(id, tokenHash, channel, locale, now, now, ConversationStatus.BOT,
                DialogueState.initial(), List.of(), Optional.empty(), 0);
    }

    public Conversation append(TranscriptEntry entry) {
        List<TranscriptEntry> t = new ArrayList<>(transcript);
        t.add(entry);
        return new Conversation(id, tokenHash, channel, locale, createdAt, entry.at(), status, dialogue, t,
                handoffReason, version);
    }

    public Conversation withDialogue(DialogueState next) {
        return new Conversation(id, tokenHash, channel, locale, createdAt, updatedAt, status, next, transcript,
                handoffReason, version);
    }

    public Conversation withStatus(ConversationStatus next, Optional<HandoffReason> reason, Instant now) {
        return new Conversation(id, tokenHash, channel, locale, createdAt, now, next, dialogue, transcript, reason,
                version);
    }

    public Conversation nextVersion() {
        return new Conversation(id, tokenHash, channel, locale, createdAt, updatedAt, status, dialogue, transcript,
                handoffReason, version + 1);
    }

    /** Id for the next transcript entry: its position, zero-padded so ids sort in order. */
    public String nextEntryId() {
        return String.format("%06d", transcript.size() + 1);
    }
}
