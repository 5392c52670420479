package org.civicassist.assistant.analytics;

import org.civicassist.assistant.chat.TurnListener;
import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.conversation.ConversationRating;
import org.civicassist.assistant.conversation.ReplyFeedback;
import org.civicassist.assistant.feedback.FeedbackListener;
import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.nlp.TextUnderstander;
import reactor.core.publisher.Mono;

import java.util.Locale;
import java.util.Optional;

/**
 * Keeps what maintainers need to improve the knowledge base: every question the assistant dealt with and every
 * piece of feedback, with personal data masked. The raw text of a message never reaches analytics: questions are
 * stored as {@link org.civicassist.nlp.Understanding#masked()}, feedback text is masked the same way.
 */
public final class AnalyticsRecorder implements TurnListener, FeedbackListener {

    private final AnalyticsStore store;
    private final TextUnderstander understander;

    public AnalyticsRecorder(AnalyticsStore store, TextUnderstander understander) {
        this.store = store;
        this.understander = understander;
    }

    @Override
    public Mono<Void> turnSaved(Conversation saved, String replyEntryId, Turn turn) {
        return store.add(questionRecord(saved, replyEntryId, turn));
    }

    static QuestionRecord questionRecord(Conversation saved, String replyEntryId, Turn turn) {
        Reply reply = turn.reply();
        Optional<Passage> top = turn.trace().candidates().stream().findFirst().map(c -> c.passage());
        Outcome outcome;
        Optional<String> reason = Optional.empty();
        if (reply instanceof Reply.Answer) {
            outcome = Outcome.ANSWERED;
        } else if (reply instanceof Reply.Clarify) {
            // a clarify without candidates is small talk or a prompt for the question, not a question left open
            outcome = top.isPresent() ? Outcome.CLARIFIED : Outcome.SMALL_TALK;
        } else if (reply instanceof Reply.Handoff h) {
            outcome = Outcome.HANDED_OFF;
            reason = Optional.of(h.reason().name().toLowerCase(Locale.ROOT));
        } else {
            outcome = Outcome.REFUSED;
            reason = Optional.of(((Reply.Refuse) reply).reason().name().toLowerCase(Locale.ROOT));
        }
        // the citizen's message as stored (masked, with a number typed across two messages masked too)
        String question = saved.transcript().stream().filter(e -> e.author() == Author.CITIZEN)
                .reduce((a, b) -> b).map(TranscriptEntry::text).orElse(turn.trace().understanding().masked());
        return new QuestionRecord(saved.updatedAt(), saved.id(), replyEntryId, question,
                outcome, reason, top.map(Passage::domain).filter(d -> !d.isBlank()),
                top.map(Passage::citationKey), top.map(AnalyticsRecorder::itemTitle), turn.trace().confidence(),
                turn.trace().followUp());
    }

    /** The question record of that message (keyed by the reply after it) gets the transcript's masked text. */
    @Override
    public Mono<Void> earlierMessageMasked(Conversation saved, String citizenEntryId) {
        var t = saved.transcript();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).id().equals(citizenEntryId)) {
                String replyId = t.get(i + 1).id();
                String text = t.get(i).text();
                java.time.LocalDate day = java.time.LocalDate.ofInstant(t.get(i).at(), java.time.ZoneOffset.UTC);
                return store.rewrite(saved.id(), day.minusDays(1), day.plusDays(1),
                        q -> q.messageId().equals(replyId) ? q.withQuestion(text) : q, f -> f).then();
            }
        }
        return Mono.empty();
    }

    private static String itemTitle(Passage p) {
        if (p.kind() == PassageKind.FAQ) {
            return p.questions().isEmpty() ? p.title() : p.questions().get(0);
        }
        return p.section() == null ? p.title() : p.title() + " · " + p.section();
    }

    @Override
    public Mono<Void> replyFeedbackSaved(Conversation saved, ReplyFeedback feedback) {
        return Mono.fromCallable(() -> new FeedbackRecord(feedback.at(), saved.id(),
                        Optional.of(feedback.messageId()), Optional.of(feedback.useful()), Optional.empty(),
                        feedback.reason().map(this::mask)))
                .flatMap(store::add);
    }

    @Override
    public Mono<Void> ratingSaved(Conversation saved, ConversationRating rating) {
        return Mono.fromCallable(() -> new FeedbackRecord(rating.at(), saved.id(), Optional.empty(),
                        Optional.empty(), Optional.of(rating.rating()), rating.comment().map(this::mask)))
                .flatMap(store::add);
    }

    private String mask(String text) {
        return understander.mask(text);
    }
}
