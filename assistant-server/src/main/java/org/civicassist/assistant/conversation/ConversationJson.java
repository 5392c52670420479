package org.civicassist.assistant.conversation;

import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.Option;
import org.civicassist.assistant.reply.RefusalReason;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.assistant.reply.ReplyType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of a conversation: plain JSON documents whose field names and enum spellings are fixed here, not
 * derived from the Java types, so that refactoring the model never makes stored conversations unreadable. Unknown
 * fields are ignored, so that a newer server's documents stay readable by an older one during a rolling update.
 */
public final class ConversationJson {

    /** Bumped only on an incompatible change, together with a reader for the old form. */
    static final int SCHEMA = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConversationJson() {
    }

    record Document(int schema, String id, String tokenHash, String channel, String locale, String createdAt,
                    String updatedAt, String status, String handoffReason, DialogueDocument dialogue,
                    List<EntryDocument> transcript, List<FeedbackDocument> feedback, RatingDocument rating,
                    EscalationDocument escalation, long version) {
    }

    /** {@code situation} is absent from conversations stored before it was kept. */
    record DialogueDocument(String topicServiceId, String topicTitle, String lastQuestion, int unresolvedStreak,
                            Map<String, String> offeredOptions, String lastAnswer, String situation) {
    }

    /** {@code candidates}: what an assistant reply considered (absent in entries stored before it was kept). */
    record EntryDocument(String id, String author, String text, String at, ReplyDocument reply, String staffName,
                         List<CandidateDocument> candidates) {
    }

    record EscalationDocument(String reason, String requestedAt, String question, List<CandidateDocument> candidates,
                              Boolean contactLeft, String expectedReplyBy, String staff, String staffName,
                              String claimedAt, String resolution, String closedAt) {
    }

    record CandidateDocument(String key, String title, String section, double score) {
    }

    /** {@code reason} is the handoff reason of a handoff or the refusal reason of a refusal. */
    record ReplyDocument(String type, String text, List<CitationDocument> citations, double confidence,
                         List<String> suggestions, String reason, List<OptionDocument> options) {
    }

    record OptionDocument(String id, String section, String title, String text) {
    }

    record CitationDocument(String id, String title, String section, String url) {
    }

    record FeedbackDocument(String messageId, boolean useful, String reason, String at) {
    }

    record RatingDocument(int rating, String comment, String at) {
    }

    public static String write(Conversation c) {
        return JSON.writeValueAsString(toDocument(c));
    }

    /** @throws IllegalArgumentException if the text is not a stored conversation */
    public static Conversation read(String json) {
        try {
            Document d = JSON.readValue(json, Document.class);
            if (d.schema() != SCHEMA) {
                throw new IllegalArgumentException("unknown conversation schema " + d.schema());
            }
            return fromDocument(d);
        } catch (JacksonException | NullPointerException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a stored conversation: " + e.getMessage(), e);
        }
    }

    static Document toDocument(Conversation c) {
        DialogueState s = c.dialogue();
        return new Document(SCHEMA, c.id(), c.tokenHash(), c.channel(), c.locale(), c.createdAt().toString(),
                c.updatedAt().toString(), wire(c.status()), c.handoffReason().map(ConversationJson::wire).orElse(null),
                new DialogueDocument(s.topicServiceId().orElse(null), s.topicTitle().orElse(null),
                        s.lastQuestion().orElse(null), s.unresolvedStreak(), s.offeredOptions(),
                        s.lastAnswer().orElse(null), s.situation().orElse(null)),
                c.transcript().stream().map(ConversationJson::toDocument).toList(),
                c.feedback().stream().map(f -> new FeedbackDocument(f.messageId(), f.useful(),
                        f.reason().orElse(null), f.at().toString())).toList(),
                c.rating().map(r -> new RatingDocument(r.rating(), r.comment().orElse(null), r.at().toString()))
                        .orElse(null),
                c.escalation().map(ConversationJson::toDocument).orElse(null),
                c.version());
    }

    private static EscalationDocument toDocument(Escalation e) {
        return new EscalationDocument(wire(e.reason()), e.requestedAt().toString(), e.question(),
                e.candidates().stream().map(k -> new CandidateDocument(k.key(), k.title(), k.section(), k.score()))
                        .toList(),
                e.contactLeft() ? Boolean.TRUE : null, e.expectedReplyBy().map(Instant::toString).orElse(null),
                e.staff().orElse(null), e.staffName().orElse(null), e.claimedAt().map(Instant::toString).orElse(null),
                e.resolution().orElse(null), e.closedAt().map(Instant::toString).orElse(null));
    }

    private static Escalation fromDocument(EscalationDocument e) {
        return new Escalation(parse(HandoffReason.class, e.reason()), Instant.parse(e.requestedAt()),
                e.question() == null ? "" : e.question(),
                list(e.candidates()).stream().map(k -> new ConsideredCandidate(k.key(), k.title(), k.section(),
                        k.score())).toList(),
                Boolean.TRUE.equals(e.contactLeft()), Optional.ofNullable(e.expectedReplyBy()).map(Instant::parse),
                Optional.ofNullable(e.staff()), Optional.ofNullable(e.staffName()),
                Optional.ofNullable(e.claimedAt()).map(Instant::parse), Optional.ofNullable(e.resolution()),
                Optional.ofNullable(e.closedAt()).map(Instant::parse));
    }

    private static EntryDocument toDocument(TranscriptEntry e) {
        return new EntryDocument(e.id(), wire(e.author()), e.text(), e.at().toString(),
                e.reply().map(ConversationJson::toDocument).orElse(null), e.staffName().orElse(null),
                e.considered().isEmpty() ? null : e.considered().stream()
                        .map(k -> new CandidateDocument(k.key(), k.title(), k.section(), k.score())).toList());
    }

    private static ReplyDocument toDocument(Reply r) {
        String reason = null;
        if (r instanceof Reply.Handoff h) {
            reason = wire(h.reason());
        } else if (r instanceof Reply.Refuse refuse) {
            reason = wire(refuse.reason());
        }
        return new ReplyDocument(r.type().wireName(), r.text(),
                r.citations().stream().map(c -> new CitationDocument(c.id(), c.title(), c.section(), c.url()))
                        .toList(),
                r.confidence(), r.suggestions(), reason,
                r.options().stream().map(o -> new OptionDocument(o.id(), o.section(), o.title(), o.text())).toList());
    }

    static Conversation fromDocument(Document d) {
        DialogueDocument dd = d.dialogue();
        DialogueState dialogue = dd == null ? DialogueState.initial()
                : new DialogueState(Optional.ofNullable(dd.topicServiceId()), Optional.ofNullable(dd.topicTitle()),
                Optional.ofNullable(dd.lastQuestion()), dd.unresolvedStreak(),
                dd.offeredOptions() == null ? Map.of() : dd.offeredOptions(), Optional.ofNullable(dd.lastAnswer()),
                Optional.ofNullable(dd.situation()));
        return new Conversation(d.id(), d.tokenHash(), d.channel(), d.locale(), Instant.parse(d.createdAt()),
                Instant.parse(d.updatedAt()), parse(ConversationStatus.class, d.status()),
                dialogue, list(d.transcript()).stream().map(ConversationJson::fromDocument).toList(),
                Optional.ofNullable(d.handoffReason()).map(r -> parse(HandoffReason.class, r)),
                list(d.feedback()).stream().map(f -> new ReplyFeedback(f.messageId(), f.useful(),
                        Optional.ofNullable(f.reason()), Instant.parse(f.at()))).toList(),
                Optional.ofNullable(d.rating()).map(r -> new ConversationRating(r.rating(),
                        Optional.ofNullable(r.comment()), Instant.parse(r.at()))),
                Optional.ofNullable(d.escalation()).map(ConversationJson::fromDocument),
                d.version());
    }

    private static TranscriptEntry fromDocument(EntryDocument e) {
        return new TranscriptEntry(e.id(), parse(Author.class, e.author()), e.text(), Instant.parse(e.at()),
                Optional.ofNullable(e.reply()).map(ConversationJson::fromDocument),
                Optional.ofNullable(e.staffName()),
                list(e.candidates()).stream().map(k -> new ConsideredCandidate(k.key(), k.title(), k.section(),
                        k.score())).toList());
    }

    private static Reply fromDocument(ReplyDocument r) {
        List<String> suggestions = list(r.suggestions());
        List<Option> options = list(r.options()).stream()
                .map(o -> new Option(o.id(), o.section(), o.title(), o.text())).toList();
        return switch (ReplyType.fromWireName(r.type())) {
            case ANSWER -> new Reply.Answer(r.text(), list(r.citations()).stream()
                    .map(c -> new Citation(c.id(), c.title(), c.section(), c.url())).toList(),
                    r.confidence(), suggestions, options);
            case CLARIFY -> new Reply.Clarify(r.text(), r.confidence(), suggestions, options);
            case HANDOFF -> new Reply.Handoff(r.text(), parse(HandoffReason.class, r.reason()), r.confidence(),
                    suggestions);
            case REFUSE -> new Reply.Refuse(r.text(), parse(RefusalReason.class, r.reason()), suggestions);
        };
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    }
}
