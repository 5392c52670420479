package org.civicassist.assistant.chat;

import org.civicassist.assistant.conversation.ConsideredCandidate;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.Escalation;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.kb.rank.Candidate;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The way from the citizen chat to human staff. The chat calls it when the assistant hands a conversation over and
 * for every citizen message while the conversation waits for or is with staff; the handoff feature implements it
 * (queue, office hours, live relay).
 */
public interface HandoffDesk {

    /** The escalation to save with a handoff reply, and the reply as the citizen gets it. */
    record Opening(Reply.Handoff reply, Escalation escalation) {
    }

    /**
     * Opens an escalation for the assistant's handoff reply; out of office hours the reply becomes a ticket's
     * (saying when to expect an answer). Decided once, before the conversation is saved.
     *
     * @param before     the conversation before the citizen's message
     * @param message    the citizen's message that the assistant handed over
     * @param considered the candidates the assistant considered, best first
     */
    Opening open(Conversation before, String message, Reply.Handoff reply, List<Candidate> considered, Instant now);

    /** After the escalated conversation was saved: queue it and tell staff and the citizen's open event streams. */
    Mono<Void> opened(Conversation saved);

    /** The reply to a citizen's message while the conversation waits for or is with staff. */
    Reply.Handoff forwarded(Conversation saved);

    /** After such a message was saved: relay it to the staff member who has the conversation. */
    Mono<Void> citizenWrote(Conversation saved, TranscriptEntry message);

    /** No staff desk: a handoff only marks the conversation waiting (plain chat tests). */
    HandoffDesk NONE = new HandoffDesk() {
        @Override
        public Opening open(Conversation before, String message, Reply.Handoff reply, List<Candidate> considered,
                            Instant now) {
            List<ConsideredCandidate> none = List.of();
            return new Opening(reply, Escalation.open(reply.reason(), now, message, none, false,
                    Optional.empty()));
        }

        @Override
        public Mono<Void> opened(Conversation saved) {
            return Mono.empty();
        }

        @Override
        public Reply.Handoff forwarded(Conversation saved) {
            return new Reply.Handoff("您的消息已转给工作人员，请稍候。",
                    saved.handoffReason().orElse(HandoffReason.REQUESTED), 1.0, List.of());
        }

        @Override
        public Mono<Void> citizenWrote(Conversation saved, TranscriptEntry message) {
            return Mono.empty();
        }
    };
}
