package org.civicassist.assistant.chat;

import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.ConsideredCandidate;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStatus;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.ConversationTokens;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.assistant.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The citizen side of a conversation: open one, send a message and get the reply, read the transcript. The
 * assistant's pipeline is CPU-bound (embedding, ranking), so it runs off the event loop.
 */
public class ChatService {

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    /** Candidates kept with each reply for the maintainers' log (as many as staff see on a handoff by default). */
    static final int KEPT_CANDIDATES = 5;

    private final ConversationStore store;
    private final Assistant assistant;
    private final Clock clock;
    private final Limits limits;
    private final List<TurnListener> listeners;
    private final HandoffDesk desk;

    /**
     * @param maxMessageLength longest citizen message, in characters (longer: 413)
     * @param maxEntries       most transcript entries of one conversation; a citizen message that would exceed them
     *                         is refused (409) so that no conversation grows without bound
     */
    public record Limits(int maxMessageLength, int maxEntries) {
        public Limits {
            if (maxMessageLength < 1 || maxEntries < 2) {
                throw new IllegalArgumentException("limits too small");
            }
        }
    }

    public ChatService(ConversationStore store, Assistant assistant, Clock clock, Limits limits,
                       List<TurnListener> listeners) {
        this(store, assistant, clock, limits, listeners, HandoffDesk.NONE);
    }

    public ChatService(ConversationStore store, Assistant assistant, Clock clock, Limits limits,
                       List<TurnListener> listeners, HandoffDesk desk) {
        this.store = store;
        this.assistant = assistant;
        this.clock = clock;
        this.limits = limits;
        this.listeners = List.copyOf(listeners);
        this.desk = desk;
    }

    public Limits limits() {
        return limits;
    }

    public record Opened(Conversation conversation, String token) {
    }

    public Mono<Opened> open(String channel, String locale) {
        String token = ConversationTokens.newToken();
        Conversation c = Conversation.start(ConversationTokens.newId(), ConversationTokens.hash(token),
                clean(channel, "web"), clean(locale, "zh-CN"), clock.instant());
        return store.create(c).map(saved -> new Opened(saved, token));
    }

    /** The conversation if the token opens it; 404, 401 or 403 otherwise. */
    public Mono<Conversation> authorize(String id, String token) {
        if (!ConversationTokens.isWellFormedId(id)) {
            // never look up (or build a store key from) arbitrary input
            return Mono.error(ApiException.notFound());
        }
        return store.find(id)
                .switchIfEmpty(Mono.error(ApiException::notFound))
                .flatMap(c -> {
                    if (token == null || token.isBlank()) {
                        return Mono.error(ApiException.missingToken());
                    }
                    if (!ConversationTokens.matches(token, c.tokenHash())) {
                        return Mono.error(ApiException.wrongToken());
                    }
                    return Mono.just(c);
                });
    }

    public Mono<Reply> send(String id, String token, String text) {
        return send(id, token, text, Optional.empty());
    }

    /**
     * The same for a client that shows the reply as it is written: checked pieces of a written answer go to
     * {@code shown} as they come (see {@link Assistant#respond(org.civicassist.assistant.pipeline.DialogueState,
     * String, Consumer)}); the reply returned replaces them when its text is not the pieces joined.
     */
    public Mono<Reply> send(String id, String token, String text, Consumer<String> shown) {
        return send(id, token, text, Optional.of(shown));
    }

    private Mono<Reply> send(String id, String token, String text, Optional<Consumer<String>> shown) {
        String message = validate(text);
        return authorize(id, token).flatMap(c -> {
            // a message and its reply
            if (c.transcript().size() + 2 > limits.maxEntries()) {
                return Mono.error(new ApiException(HttpStatus.CONFLICT, "conversation-full",
                        "这个会话的消息已经很多了，请开始新的会话继续咨询。",
                        "The conversation has reached its maximum length; start a new one."));
            }
            return switch (c.status()) {
                case CLOSED -> Mono.error(ApiException.conversationClosed());
                // until a person has claimed it, the assistant goes on answering (a citizen handed over by mistake
                // or out of hours is not stranded); once claimed, messages go to that person
                case WITH_STAFF -> forwardToStaff(c, message);
                case BOT, WAITING -> answer(c, message, shown);
            };
        });
    }

    private Mono<Reply> answer(Conversation c, String message, Optional<Consumer<String>> shown) {
        return Mono.fromCallable(() -> shown.isPresent() ? assistant.respond(c.dialogue(), message, shown.get())
                        : assistant.respond(c.dialogue(), message))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(turn -> {
                    // office hours are read once here, not inside the (retried) store update; a conversation already
                    // waiting for a person is not queued twice: the citizen is told it still waits
                    boolean waiting = c.status() == ConversationStatus.WAITING;
                    // what is stored and shown to staff is the message with personal data masked
                    // (a number typed across this message and the one before is masked in both)
                    Masked masked = continuing(c, turn.trace().understanding().masked());
                    String stored = masked.current();
                    Optional<HandoffDesk.Opening> opening = turn.reply() instanceof Reply.Handoff h && !waiting
                            ? Optional.of(desk.open(c, stored, h, turn.trace().candidates(), clock.instant()))
                            : Optional.empty();
                    Reply reply = opening.<Reply>map(HandoffDesk.Opening::reply)
                            .orElseGet(() -> waiting && turn.reply() instanceof Reply.Handoff ? desk.forwarded(c)
                                    : turn.reply());
                    // from the copy read to authorize the message: read again only if it changed meanwhile
                    return store.update(c, current -> record(masked.applyTo(current), masked, turn, reply,
                                    opening))
                            .switchIfEmpty(Mono.error(ApiException::notFound))
                            // fields for structured logs (logging.structured.format.console), and the same in the
                            // message for plain ones; never the citizen's text
                            .doOnNext(saved -> log.atInfo().addKeyValue("conversation", c.id())
                                    .addKeyValue("reply", reply.type().wireName())
                                    .addKeyValue("confidence", String.format(Locale.ROOT, "%.3f", reply.confidence()))
                                    .addKeyValue("elapsed_ms", turn.trace().elapsedNanos() / 1_000_000)
                                    .log("conversation={} reply={} confidence={} elapsedMs={}", c.id(),
                                            reply.type().wireName(),
                                            String.format(Locale.ROOT, "%.3f", reply.confidence()),
                                            turn.trace().elapsedNanos() / 1_000_000))
                            .flatMap(saved -> (opening.isPresent() ? safely("handoff desk", saved,
                                    desk.opened(saved)) : Mono.<Void>empty()).then(notifyListeners(saved, turn))
                                    .then(masked.previousId().map(e -> earlierMasked(saved, e)).orElse(Mono.empty())))
                            .thenReturn(reply);
                });
    }

    /** A failure after the conversation was saved is logged; the citizen still gets the reply. */
    private static Mono<Void> safely(String what, Conversation saved, Mono<Void> step) {
        return step.onErrorResume(e -> {
            log.warn("{} failed for conversation={}: {}", what, saved.id(), e.toString());
            return Mono.empty();
        });
    }

    private Mono<Void> earlierMasked(Conversation saved, String citizenEntryId) {
        return Flux.fromIterable(listeners)
                .concatMap(listener -> Mono.defer(() -> listener.earlierMessageMasked(saved, citizenEntryId))
                        .onErrorResume(e -> {
                            log.warn("turn listener {} failed for conversation={}: {}",
                                    listener.getClass().getSimpleName(), saved.id(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    private Mono<Void> notifyListeners(Conversation saved, Turn turn) {
        String replyEntryId = saved.transcript().get(saved.transcript().size() - 1).id();
        return Flux.fromIterable(listeners)
                .concatMap(listener -> Mono.defer(() -> listener.turnSaved(saved, replyEntryId, turn))
                        .onErrorResume(e -> {
                            log.warn("turn listener {} failed for conversation={}: {}",
                                    listener.getClass().getSimpleName(), saved.id(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    private Conversation record(Conversation current, Masked masked, Turn turn, Reply reply,
                                Optional<HandoffDesk.Opening> opening) {
        String message = masked.current();
        Instant now = clock.instant();
        Conversation next = current
                .append(new TranscriptEntry(current.nextEntryId(), Author.CITIZEN, message, now, Optional.empty()))
                .withDialogue(masked.applyTo(turn.next()));
        next = next.append(new TranscriptEntry(next.nextEntryId(), Author.ASSISTANT, reply.text(), now,
                Optional.of(reply), Optional.empty(), turn.trace().candidates().stream().limit(KEPT_CANDIDATES)
                .map(ConsideredCandidate::of).toList()));
        if (opening.isPresent()) {
            next = next.escalate(opening.get().escalation());
        }
        return next;
    }

    /**
     * A citizen message as it may be stored, and the citizen's previous message if a number typed across the two
     * had to be masked in it as well.
     */
    record Masked(String current, Optional<String> previousId, String previous, List<String> extra) {
        Conversation applyTo(Conversation c) {
            return previousId.map(id -> c.withEntryText(id, previous)).orElse(c);
        }

        /**
         * The dialogue's context (the last question, the situation told) with the digits masked only when joined
         * masked too.
         */
        DialogueState applyTo(DialogueState d) {
            if (extra.isEmpty()) {
                return d;
            }
            return new DialogueState(d.topicServiceId(), d.topicTitle(), d.lastQuestion().map(this::masked),
                    d.unresolvedStreak(), d.offeredOptions(), d.lastAnswer(), d.situation().map(this::masked));
        }

        private String masked(String text) {
            String q = text;
            for (String digits : extra) {
                q = q.replace(digits, "*".repeat(digits.length()));
            }
            return q;
        }
    }

    /** The runs of characters that differ between {@code before} and {@code after} (same length), as in before. */
    private static List<String> newlyMasked(String before, String after) {
        List<String> out = new java.util.ArrayList<>();
        if (before.length() != after.length()) {
            return out;
        }
        int i = 0;
        while (i < before.length()) {
            if (before.charAt(i) != after.charAt(i)) {
                int start = i;
                while (i < before.length() && before.charAt(i) != after.charAt(i)) {
                    i++;
                }
                out.add(before.substring(start, i));
            } else {
                i++;
            }
        }
        return out;
    }

    private Masked continuing(Conversation c, String maskedAlone) {
        Optional<TranscriptEntry> before = c.lastCitizenEntry();
        if (before.isEmpty()) {
            return new Masked(maskedAlone, Optional.empty(), null, List.of());
        }
        var joined = assistant.maskContinuing(before.get().text(), maskedAlone);
        boolean changed = !joined.previous().equals(before.get().text());
        List<String> extra = new java.util.ArrayList<>(newlyMasked(maskedAlone, joined.current()));
        extra.addAll(newlyMasked(before.get().text(), joined.previous()));
        return new Masked(joined.current(), changed ? Optional.of(before.get().id()) : Optional.empty(),
                joined.previous(), extra);
    }

    /** The citizen's text as it may be stored and shown to staff: personal data masked. */
    public String mask(String text) {
        return assistant.mask(text);
    }

    /** While people handle the conversation, the citizen's messages go to them (masked), not to the assistant. */
    private Mono<Reply> forwardToStaff(Conversation c, String typed) {
        Masked masked = continuing(c, mask(typed));
        String message = masked.current();
        Instant now = clock.instant();
        return store.update(c.id(), current -> masked.applyTo(current).append(new TranscriptEntry(
                        current.nextEntryId(), Author.CITIZEN, message, now, Optional.empty())))
                .switchIfEmpty(Mono.error(ApiException::notFound))
                .flatMap(saved -> safely("relay to staff", saved,
                        desk.citizenWrote(saved, saved.transcript().get(saved.transcript().size() - 1)))
                        .then(masked.previousId().map(e -> earlierMasked(saved, e)).orElse(Mono.empty()))
                        .thenReturn(desk.forwarded(saved)));
    }

    private String validate(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badInput("消息内容不能为空。", "The message text must not be empty.");
        }
        if (text.codePointCount(0, text.length()) > limits.maxMessageLength()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "message-too-long",
                    "消息太长了，请精简到 " + limits.maxMessageLength() + " 个字以内。",
                    "The message is longer than " + limits.maxMessageLength() + " characters.");
        }
        return text;
    }

    private static String clean(String value, String fallback) {
        if (value == null || value.isBlank() || value.length() > 32 || !value.matches("[A-Za-z0-9_.-]+")) {
            return fallback;
        }
        return value;
    }
}
