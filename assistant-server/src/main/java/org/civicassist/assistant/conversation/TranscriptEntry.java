package org.civicassist.assistant.conversation;

import org.civicassist.assistant.reply.Reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation.
 *
 * @param id        unique within the conversation, in order
 * @param author    who wrote it
 * @param text      what was written (a citizen's text as typed: the transcript is the record of the conversation and
 *                  is shown to the citizen and to staff; analytics and logs use the masked form)
 * @param at        when it was accepted
 * @param reply     the assistant's full reply, for assistant messages
 * @param staffName the display name of the staff member who wrote it, for staff messages
 * @param considered for assistant replies of the pipeline: the knowledge-base items it considered, best first, with
 *                   the ranker's scores (kept for the maintainers' conversation log; empty for older entries)
 */
public record TranscriptEntry(String id, Author author, String text, Instant at, Optional<Reply> reply,
                              Optional<String> staffName, List<ConsideredCandidate> considered) {
    public TranscriptEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(author);
        Objects.requireNonNull(text);
        Objects.requireNonNull(at);
        Objects.requireNonNull(reply);
        Objects.requireNonNull(staffName);
        considered = List.copyOf(considered);
    }

    public TranscriptEntry(String id, Author author, String text, Instant at, Optional<Reply> reply,
                           Optional<String> staffName) {
        this(id, author, text, at, reply, staffName, List.of());
    }

    public TranscriptEntry(String id, Author author, String text, Instant at, Optional<Reply> reply) {
        this(id, author, text, at, reply, Optional.empty());
    }
}
