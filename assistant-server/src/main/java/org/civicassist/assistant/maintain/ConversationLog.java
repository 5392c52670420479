package org.civicassist.assistant.maintain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.chat.ChatDtos.ReplyView;
import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.ConsideredCandidate;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationPage;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.ConversationTokens;
import org.civicassist.assistant.conversation.ReplyFeedback;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.assistant.reply.ReplyType;
import org.civicassist.assistant.teach.Suggestion;
import org.civicassist.assistant.teach.TeachService;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The maintainers' conversation log: search and read transcripts, newest first, and mark the KB item that should have
 * answered a reply. Transcripts hold the citizens' messages masked as they were stored; the contact left for a call
 * back is kept apart and never read here, nor the feedback reasons and rating comments (kept as typed). Reading a
 * transcript is audited like a staff member's read; marking an item makes a suggestion through {@link TeachService},
 * as staff closing a conversation with {@code answered_by} and the knowledge-gap links do.
 *
 * <p>A page is bounded twice: at most {@code limit} conversations are returned, and at most {@value #MAX_SCANNED} are
 * read from the store per request (a filter that matches little returns fewer, with a cursor to go on from).
 */
public class ConversationLog {

    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_SCANNED = 500;
    static final int MAX_QUERY = 100;
    private static final int STORE_PAGE = 100;

    /** What happened in a conversation, for the outcome filter. */
    public enum Outcome {
        ANSWERED("answered"), CLARIFY("clarify"), HANDOFF("handoff"), NOT_USEFUL("not_useful");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Optional<Outcome> parse(String s) {
            for (Outcome o : values()) {
                if (o.wire.equals(s)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** One conversation of the list: what it was about (its first question, masked) and how it went. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String status, String channel, @JsonProperty("created_at") String createdAt,
                       @JsonProperty("updated_at") String updatedAt,
                       @JsonProperty("first_question") String firstQuestion, int messages, List<String> outcomes,
                       @JsonProperty("not_useful") int notUseful, Integer rating) {
    }

    /**
     * @param nextCursor where the next page starts ({@code cursor=}) while older conversations remain to be searched
     *                   (the next page may find none that match), {@code null} when none remain
     * @param scanned    how many conversations were read for this page
     */
    public record Page(List<Item> conversations, @JsonProperty("next_cursor") String nextCursor, int scanned) {
    }

    /** A KB item a reply considered, with the ranker's score. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CandidateView(String key, String title, String section, double score) {
        static CandidateView of(ConsideredCandidate c) {
            return new CandidateView(c.key(), c.title(), c.section(), Math.round(c.score() * 1000) / 1000.0);
        }
    }

    /**
     * One message: a reply with its confidence (in {@code reply}), the candidates it considered and the citizen's
     * verdict on it ({@code useful}); {@code question} the citizen message it answered.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String id, String author, String text, String at, ReplyView reply,
                          List<CandidateView> considered, Boolean useful, String question,
                          @JsonProperty("staff_name") String staffName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transcript(String id, String status, String channel, @JsonProperty("created_at") String createdAt,
                             @JsonProperty("updated_at") String updatedAt, Integer rating,
                             @JsonProperty("handoff_reason") String handoffReason, List<Message> messages) {
    }

    /** @param outcome {@code suggested}, or {@code already_in_kb} when the FAQ has the question already */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Marked(String item, String question, String outcome, Suggestion suggestion) {
    }

    private final ConversationStore store;
    private final TeachService teach;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    public ConversationLog(ConversationStore store, TeachService teach, AuditLog audit, ZoneId zone, Clock clock) {
        this.store = store;
        this.teach = teach;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    /** The filters of a search, checked. */
    record Query(String text, Optional<Outcome> outcome, Optional<LocalDate> day, int limit,
                 Optional<ConversationPage.Cursor> cursor) {
    }

    /** @throws ApiException 400 for a parameter out of its range or form */
    Query query(String q, String outcome, String day, String limit, String cursor) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            throw badParameter("q", "检索词不超过 " + MAX_QUERY + " 个字符", "at most " + MAX_QUERY + " characters");
        }
        Optional<Outcome> o = Optional.empty();
        if (outcome != null && !outcome.isBlank()) {
            o = Outcome.parse(outcome.strip());
            if (o.isEmpty()) {
                throw badParameter("outcome", "结果只能是 answered、clarify、handoff 或 not_useful",
                        "one of answered, clarify, handoff, not_useful");
            }
        }
        Optional<LocalDate> d = Optional.empty();
        if (day != null && !day.isBlank()) {
            try {
                d = Optional.of(LocalDate.parse(day.strip()));
            } catch (DateTimeParseException e) {
                throw badParameter("day", "日期格式为 YYYY-MM-DD", "a date as YYYY-MM-DD");
            }
        }
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw badParameter("limit", "每页 1 到 " + MAX_LIMIT + " 条", "1 to " + MAX_LIMIT);
            }
        }
        Optional<ConversationPage.Cursor> c = Optional.empty();
        if (cursor != null && !cursor.isBlank()) {
            c = ConversationPage.Cursor.parse(cursor.strip());
            if (c.isEmpty()) {
                throw badParameter("cursor", "请使用上一页返回的 next_cursor", "the next_cursor of the previous page");
            }
        }
        return new Query(text.toLowerCase(Locale.ROOT), o, d, n, c);
    }

    /** Conversations matching the query, newest first; audited (who listed, never the search text). */
    public Mono<Page> list(String actor, Query query) {
        return scan(query, query.cursor(), new ArrayList<>(), 0)
                .flatMap(page -> audit.record(new AuditEntry(clock.instant(), actor, "conversation-log", null,
                        "listed=" + page.conversations().size())).thenReturn(page));
    }

    private Mono<Page> scan(Query query, Optional<ConversationPage.Cursor> from, List<Item> found, int scanned) {
        Instant dayStart = query.day().map(d -> d.atStartOfDay(zone).toInstant()).orElse(null);
        int want = Math.min(STORE_PAGE, MAX_SCANNED - scanned);
        return store.recent(from, want).flatMap(page -> {
            int read = scanned;
            ConversationPage.Cursor last = null;
            for (Conversation c : page.conversations()) {
                if (dayStart != null && c.updatedAt().isBefore(dayStart)) {
                    // newest first: nothing further down was active on the day
                    return Mono.just(new Page(found, null, read));
                }
                read++;
                last = ConversationPage.Cursor.of(c);
                if (matches(c, query)) {
                    found.add(item(c));
                    if (found.size() == query.limit()) {
                        boolean more = page.next().isPresent() || c != page.conversations().get(page.conversations().size() - 1);
                        return Mono.just(new Page(found, more ? last.toString() : null, read));
                    }
                }
            }
            if (page.next().isEmpty()) {
                return Mono.just(new Page(found, null, read));
            }
            if (read >= MAX_SCANNED) {
                return Mono.just(new Page(found, last.toString(), read));
            }
            return scan(query, Optional.of(last), found, read);
        });
    }

    private boolean matches(Conversation c, Query q) {
        if (q.day().isPresent() && c.transcript().stream()
                .noneMatch(e -> LocalDate.ofInstant(e.at(), zone).equals(q.day().get()))) {
            return false;
        }
        if (q.outcome().isPresent() && !outcomes(c).contains(q.outcome().get())) {
            return false;
        }
        return q.text().isEmpty() || c.transcript().stream()
                .anyMatch(e -> e.text().toLowerCase(Locale.ROOT).contains(q.text()));
    }

    private static Set<Outcome> outcomes(Conversation c) {
        Set<Outcome> out = new LinkedHashSet<>();
        for (TranscriptEntry e : c.transcript()) {
            e.reply().map(Reply::type).ifPresent(t -> {
                if (t == ReplyType.ANSWER) {
                    out.add(Outcome.ANSWERED);
                } else if (t == ReplyType.CLARIFY) {
                    out.add(Outcome.CLARIFY);
                } else if (t == ReplyType.HANDOFF) {
                    out.add(Outcome.HANDOFF);
                }
            });
        }
        if (c.feedback().stream().anyMatch(f -> !f.useful())) {
            out.add(Outcome.NOT_USEFUL);
        }
        return out;
    }

    private static Item item(Conversation c) {
        return new Item(c.id(), c.status().wireName(), c.channel(), c.createdAt().toString(),
                c.updatedAt().toString(),
                c.transcript().stream().filter(e -> e.author() == Author.CITIZEN).findFirst()
                        .map(TranscriptEntry::text).orElse(null),
                c.transcript().size(), outcomes(c).stream().map(Outcome::wire).toList(),
                (int) c.feedback().stream().filter(f -> !f.useful()).count(),
                c.rating().map(r -> r.rating()).orElse(null));
    }

    /** One transcript; audited as a read ({@code view}, as staff reads are). */
    public Mono<Transcript> read(String actor, String id) {
        return find(id).flatMap(c -> audit.record(new AuditEntry(clock.instant(), actor, "view", id,
                "console=maintain")).thenReturn(transcript(c)));
    }

    private static Transcript transcript(Conversation c) {
        List<Message> messages = new ArrayList<>();
        String question = null;
        for (TranscriptEntry e : c.transcript()) {
            if (e.author() == Author.CITIZEN) {
                question = e.text();
            }
            Boolean useful = c.feedback().stream().filter(f -> f.messageId().equals(e.id())).findFirst()
                    .map(ReplyFeedback::useful).orElse(null);
            boolean reply = e.author() == Author.ASSISTANT && e.reply().isPresent();
            messages.add(new Message(e.id(), e.author().wireName(), e.text(), e.at().toString(),
                    e.reply().map(ReplyView::of).orElse(null),
                    reply ? e.considered().stream().map(CandidateView::of).toList() : null, useful,
                    reply ? question : null, e.staffName().orElse(null)));
        }
        return new Transcript(c.id(), c.status().wireName(), c.channel(), c.createdAt().toString(),
                c.updatedAt().toString(), c.rating().map(r -> r.rating()).orElse(null),
                c.handoffReason().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null), messages);
    }

    /**
     * Marks {@code item} as the KB item that should have answered the reply {@code entryId}: the citizen's question
     * before it (masked, as stored) becomes a suggested similar question of the item, reviewed like every suggestion.
     */
    public Mono<Marked> mark(String actor, String id, String entryId, String item) {
        return Mono.defer(() -> {
            String key = teach.validateItem(item);
            if (key == null) {
                throw ApiException.badInput("请选择正确的知识库条目（item）。", "Name the right KB item (item).");
            }
            return find(id).flatMap(c -> {
                String question = questionOf(c, entryId);
                return teach.suggest(actor, c.id(), question, key).map(s -> new Marked(key, question,
                        s.isPresent() ? "suggested" : "already_in_kb", s.orElse(null)));
            });
        });
    }

    /** The citizen's message that the assistant reply {@code entryId} answered. */
    private static String questionOf(Conversation c, String entryId) {
        List<TranscriptEntry> t = c.transcript();
        for (int i = 0; i < t.size(); i++) {
            TranscriptEntry e = t.get(i);
            if (!e.id().equals(entryId)) {
                continue;
            }
            if (e.author() != Author.ASSISTANT || e.reply().isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "not-a-reply", "只能为机器人的回复标注正确条目。",
                        "Only a reply of the assistant can be marked.");
            }
            for (int j = i - 1; j >= 0; j--) {
                if (t.get(j).author() == Author.CITIZEN) {
                    return t.get(j).text();
                }
            }
            throw new ApiException(HttpStatus.BAD_REQUEST, "no-question", "这条回复之前没有市民的提问。",
                    "No citizen question precedes this reply.");
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "message-not-found", "对话中没有这条消息。",
                "The conversation has no such message.");
    }

    private Mono<Conversation> find(String id) {
        if (!ConversationTokens.isWellFormedId(id)) {
            return Mono.error(ApiException.notFound());
        }
        return store.find(id).switchIfEmpty(Mono.error(ApiException::notFound));
    }

    private static ApiException badParameter(String name, String zh, String en) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-parameter", "参数 " + name + " 无效：" + zh + "。",
                "Bad parameter " + name + ": " + en + ".");
    }
}
