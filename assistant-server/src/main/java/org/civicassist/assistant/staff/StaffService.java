package org.civicassist.assistant.staff;

import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStatus;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.ConversationTokens;
import org.civicassist.assistant.conversation.Escalation;
import org.civicassist.assistant.handoff.HandoffEvent;
import org.civicassist.assistant.handoff.HandoffEvents;
import org.civicassist.assistant.handoff.HandoffQueue;
import org.civicassist.assistant.handoff.HandoffViews;
import org.civicassist.assistant.handoff.HandoffViews.QueueItem;
import org.civicassist.assistant.privacy.ContactStore;
import org.civicassist.assistant.privacy.ConversationEraser;
import org.civicassist.assistant.privacy.RetentionPolicy;
import org.civicassist.assistant.security.Role;
import org.civicassist.assistant.security.StaffAccount;
import org.civicassist.assistant.security.StaffAccounts;
import org.civicassist.assistant.security.StaffPrincipal;
import org.civicassist.assistant.staff.StaffViews.ConversationView;
import org.civicassist.assistant.staff.StaffViews.KbHit;
import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.search.KnowledgeSearch;
import org.civicassist.kb.search.SearchRequest;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What staff do with handed-over conversations: list the queue, read a conversation, claim it (exactly one staff
 * member wins: the claim is a compare-and-set of the conversation in the store), reply, transfer it to a colleague
 * and close it with a note. Every action is audited and told to the citizen's and the other staff members' streams.
 */
public class StaffService {

    static final int MAX_NOTE_LENGTH = 1000;
    static final int KB_HITS = 8;

    private final ConversationStore store;
    private final HandoffQueue queue;
    private final HandoffEvents events;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final Supplier<KnowledgeSearch> knowledge;
    private final Clock clock;
    private final int maxMessageLength;
    private final int maxEntries;
    private final int queueLimit;
    private final ContactStore contacts;
    private final RetentionPolicy retention;
    private final ConversationEraser eraser;

    public StaffService(ConversationStore store, HandoffQueue queue, HandoffEvents events, StaffAccounts accounts,
                        AuditLog audit, Supplier<KnowledgeSearch> knowledge, Clock clock, int maxMessageLength,
                        int maxEntries, int queueLimit, ContactStore contacts, RetentionPolicy retention,
                        ConversationEraser eraser) {
        this.contacts = contacts;
        this.retention = retention;
        this.eraser = eraser;
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.accounts = accounts;
        this.audit = audit;
        this.knowledge = knowledge;
        this.clock = clock;
        this.maxMessageLength = maxMessageLength;
        this.maxEntries = maxEntries;
        this.queueLimit = queueLimit;
    }

    /** Waiting conversations, oldest first; entries of conversations no longer waiting are dropped on the way. */
    public Mono<List<QueueItem>> waiting() {
        Instant now = clock.instant();
        return queue.oldest(queueLimit)
                .flatMapMany(Flux::fromIterable)
                .index()
                .concatMap(indexed -> store.find(indexed.getT2().conversationId())
                        .filter(c -> c.status() == ConversationStatus.WAITING && c.escalation().isPresent())
                        .map(c -> Optional.of(QueueItem.of(c, c.escalation().get(), indexed.getT1() + 1, now)))
                        .switchIfEmpty(queue.remove(indexed.getT2().conversationId()).thenReturn(Optional.empty())))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .collectList()
                .map(StaffService::renumber);
    }

    /** The conversations the staff member has, longest held first. */
    public Mono<List<QueueItem>> mine(StaffPrincipal me) {
        Instant now = clock.instant();
        return queue.assignedTo(me.username())
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> store.find(id)
                        .filter(c -> c.status() == ConversationStatus.WITH_STAFF
                                && c.escalation().map(e -> e.isAssignedTo(me.username())).orElse(false))
                        .map(c -> Optional.of(QueueItem.of(c, c.escalation().get(), null, now)))
                        .switchIfEmpty(queue.unassign(id, me.username()).thenReturn(Optional.empty())))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .sort(Comparator.comparing(QueueItem::claimedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .collectList();
    }

    /** The conversation with its transcript; the contact only for the staff member who claimed it. */
    public Mono<ConversationView> view(StaffPrincipal me, String id) {
        return find(id)
                .flatMap(c -> contactFor(c, me).flatMap(contact -> audit(me, "view", id,
                        contact.isPresent() ? "contact" : null).thenReturn(ConversationView.of(c, contact))));
    }

    /**
     * One conversation as a record for a formal complaint (the same content as {@link #view}, with who exported it
     * and when); written to the audit log.
     */
    public Mono<StaffViews.Export> export(StaffPrincipal me, String id, String format) {
        Instant now = clock.instant();
        return find(id)
                .flatMap(c -> contactFor(c, me).flatMap(contact -> audit(me, "export", id, "format=" + format
                        + (contact.isPresent() ? " contact" : ""))
                        .thenReturn(new StaffViews.Export(now.toString(), me.username(), me.displayName(),
                                ConversationView.of(c, contact)))));
    }

    /** An administrator deletes a conversation on the citizen's behalf (as {@code DELETE} by the citizen does). */
    public Mono<Void> delete(StaffPrincipal me, String id) {
        return find(id).flatMap(c -> eraser.erase(c, me.username()));
    }

    /**
     * The contact left for a call back, for the staff member who claimed the conversation (while they have it, and
     * after they closed it, for the grace period); empty for everyone else.
     */
    private Mono<Optional<String>> contactFor(Conversation c, StaffPrincipal me) {
        boolean claimer = (c.status() == ConversationStatus.WITH_STAFF || c.status() == ConversationStatus.CLOSED)
                && c.escalation().map(e -> e.contactLeft() && e.isAssignedTo(me.username())).orElse(false);
        return claimer ? contacts.find(c.id()).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
    }

    private Mono<ConversationView> viewFor(Conversation c, StaffPrincipal me) {
        return contactFor(c, me).map(contact -> ConversationView.of(c, contact));
    }

    public Mono<ConversationView> claim(StaffPrincipal me, String id) {
        Instant now = clock.instant();
        AtomicBoolean claimedHere = new AtomicBoolean();
        return find(id)
                .flatMap(c -> store.update(id, current -> {
                    // re-decided on every attempt: only the write that saw it waiting takes it
                    claimedHere.set(current.status() == ConversationStatus.WAITING
                            && current.escalation().isPresent());
                    if (!claimedHere.get()) {
                        return current;
                    }
                    return assign(current, me.username(), me.displayName(), now)
                            .withStatus(ConversationStatus.WITH_STAFF, current.handoffReason(), now)
                            .say(Author.SYSTEM, "工作人员" + me.displayName() + "已接入，正在为您服务。", now,
                                    Optional.empty());
                }))
                .switchIfEmpty(Mono.error(StaffService::notFound))
                .flatMap(saved -> {
                    if (claimedHere.get()) {
                        return queue.remove(id)
                                .then(queue.assign(id, me.username()))
                                .then(audit(me, "claim", id, null))
                                .then(publishClaimed(saved, me, null))
                                .then(viewFor(saved, me));
                    }
                    boolean mineAlready = saved.status() == ConversationStatus.WITH_STAFF
                            && saved.escalation().map(e -> e.isAssignedTo(me.username())).orElse(false);
                    if (mineAlready) {
                        return viewFor(saved, me);
                    }
                    return Mono.error(notClaimable(saved));
                });
    }

    public Mono<HandoffViews.MessageView> reply(StaffPrincipal me, String id, String text) {
        String message = validate(text, maxMessageLength, "text", true);
        Instant now = clock.instant();
        AtomicBoolean written = new AtomicBoolean();
        return find(id)
                .flatMap(c -> {
                    requireHolder(c, me);
                    if (c.transcript().size() >= maxEntries) {
                        return Mono.error(new ApiException(HttpStatus.CONFLICT, "conversation-full",
                                "这个会话的消息已经很多了，请结束会话。", "The conversation has reached its maximum length."));
                    }
                    return store.update(id, current -> {
                        written.set(holds(current, me));
                        return written.get() ? current.say(Author.STAFF, message, now,
                                Optional.of(me.displayName())) : current;
                    });
                })
                .switchIfEmpty(Mono.error(StaffService::notFound))
                .flatMap(saved -> {
                    if (!written.get()) {
                        return Mono.error(notClaimable(saved));
                    }
                    var entry = saved.transcript().get(saved.transcript().size() - 1);
                    return audit(me, "reply", id, null)
                            .then(events.publish(HandoffEvent.changed(id)))
                            .thenReturn(HandoffViews.MessageView.of(id, entry));
                });
    }

    public Mono<ConversationView> transfer(StaffPrincipal me, String id, String to) {
        if (to == null || !StaffAccount.isValidUsername(to.strip())) {
            return Mono.error(ApiException.badInput("请指定接手的同事用户名（to）。",
                    "Say which colleague takes the conversation over (to: username)."));
        }
        String target = to.strip();
        Instant now = clock.instant();
        AtomicBoolean moved = new AtomicBoolean();
        return accounts.find(target)
                .filter(a -> a.enabled() && (a.has(Role.STAFF) || a.has(Role.ADMIN)))
                .switchIfEmpty(Mono.error(() -> ApiException.badInput("没有这个同事的账号：" + target + "。",
                        "There is no active staff account named " + target + ".")))
                .flatMap(colleague -> find(id).flatMap(c -> {
                    requireHolder(c, me);
                    return store.update(id, current -> {
                        moved.set(holds(current, me) && !target.equals(me.username()));
                        if (!moved.get()) {
                            return current;
                        }
                        return assign(current, colleague.username(), colleague.displayName(), now)
                                .say(Author.SYSTEM, "已为您转接给工作人员" + colleague.displayName() + "。", now,
                                        Optional.empty());
                    }).switchIfEmpty(Mono.error(StaffService::notFound))
                            .flatMap(saved -> {
                                if (!moved.get()) {
                                    return target.equals(me.username()) ? Mono.just(ConversationView.of(saved))
                                            : Mono.error(notClaimable(saved));
                                }
                                String from = c.escalation().flatMap(Escalation::staff).orElse(me.username());
                                return queue.unassign(id, from)
                                        .then(queue.assign(id, colleague.username()))
                                        .then(audit(me, "transfer", id, "to=" + colleague.username()))
                                        .then(publishClaimed(saved, new StaffPrincipal(colleague.username(),
                                                colleague.displayName(), colleague.roles()), from))
                                        .thenReturn(ConversationView.of(saved));
                            });
                }));
    }

    public Mono<ConversationView> close(StaffPrincipal me, String id, String note) {
        Optional<String> resolution = Optional.ofNullable(validate(note, MAX_NOTE_LENGTH, "note", false));
        Instant now = clock.instant();
        AtomicBoolean closedHere = new AtomicBoolean();
        return find(id)
                .flatMap(c -> {
                    requireHolder(c, me);
                    return store.update(id, current -> {
                        closedHere.set(holds(current, me));
                        if (!closedHere.get()) {
                            return current;
                        }
                        Escalation e = current.escalation().get().closed(resolution, now);
                        return current.withEscalation(e)
                                .withStatus(ConversationStatus.CLOSED, current.handoffReason(), now)
                                .say(Author.SYSTEM, "本次人工服务已结束，感谢您的耐心。欢迎对本次服务进行评价。", now,
                                        Optional.empty());
                    });
                })
                .switchIfEmpty(Mono.error(StaffService::notFound))
                .flatMap(saved -> {
                    if (!closedHere.get()) {
                        return Mono.error(notClaimable(saved));
                    }
                    String holder = saved.escalation().flatMap(Escalation::staff).orElse(me.username());
                    return queue.unassign(id, holder)
                            .then(queue.remove(id))
                            .then(audit(me, "close", id, null))
                            // the contact stays for the grace period (a call back after closing), then goes
                            .then(contacts.expireIn(id, retention.contacts()))
                            .then(events.publish(HandoffEvent.changed(id)))
                            .then(events.publish(new HandoffEvent(HandoffEvent.CLOSED, id, null,
                                    Map.of("conversation_id", id, "staff", me.username()))))
                            .then(viewFor(saved, me));
                });
    }

    public Mono<List<KbHit>> searchKnowledge(StaffPrincipal me, String q) {
        String query = validate(q, 200, "q", true);
        return Mono.fromCallable(() -> knowledge.get().search(new SearchRequest(query, Optional.empty(),
                        Optional.empty(), KB_HITS)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(result -> result.candidates().stream().map(KbHit::of).toList())
                .flatMap(hits -> audit(me, "kb-search", null, null).thenReturn(hits));
    }

    // --- helpers ---

    private Mono<Conversation> find(String id) {
        if (!ConversationTokens.isWellFormedId(id)) {
            return Mono.error(notFound());
        }
        return store.find(id).switchIfEmpty(Mono.error(StaffService::notFound));
    }

    private static Conversation assign(Conversation c, String username, String displayName, Instant now) {
        return c.withEscalation(c.escalation().get().assignedTo(username, displayName, now));
    }

    /** The staff member has the conversation (an administrator may act on any conversation with staff). */
    private static boolean holds(Conversation c, StaffPrincipal me) {
        return c.status() == ConversationStatus.WITH_STAFF && c.escalation().isPresent()
                && (c.escalation().get().isAssignedTo(me.username()) || me.isAdmin());
    }

    private static void requireHolder(Conversation c, StaffPrincipal me) {
        if (!holds(c, me)) {
            throw notClaimable(c);
        }
    }

    private static ApiException notClaimable(Conversation c) {
        return switch (c.status()) {
            case WITH_STAFF -> new ApiException(HttpStatus.CONFLICT, "claimed-by-another",
                    "该会话已由工作人员" + c.escalation().flatMap(Escalation::staffName).orElse("") + "接手。",
                    "Another staff member has this conversation.");
            case WAITING -> new ApiException(HttpStatus.CONFLICT, "not-claimed", "请先接手该会话。",
                    "Claim the conversation first.");
            case CLOSED -> ApiException.conversationClosedToStaff();
            case BOT -> new ApiException(HttpStatus.CONFLICT, "not-handed-over", "该会话没有转人工。",
                    "The conversation was not handed to staff.");
        };
    }

    static ApiException notFound() {
        return ApiException.notFound();
    }

    private Mono<Void> publishClaimed(Conversation saved, StaffPrincipal holder, String from) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("conversation_id", saved.id());
        data.put("staff", holder.username());
        data.put("staff_name", holder.displayName());
        if (from != null) {
            data.put("from", from);
        }
        return events.publish(HandoffEvent.changed(saved.id()))
                .then(events.publish(new HandoffEvent(HandoffEvent.CLAIMED, saved.id(), null, data)));
    }

    private Mono<Void> audit(StaffPrincipal me, String action, String target, String detail) {
        return audit.record(new AuditEntry(clock.instant(), me.username(), action, target, detail));
    }

    private static List<QueueItem> renumber(List<QueueItem> items) {
        java.util.ArrayList<QueueItem> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            QueueItem q = items.get(i);
            out.add(new QueueItem(q.conversationId(), q.state(), q.reason(), q.question(), q.waitingSince(),
                    q.waitingSeconds(), (long) i + 1, q.candidates(), q.hasContact(), q.afterHours(),
                    q.expectedReplyBy(), q.channel(), q.staff(), q.staffName(), q.claimedAt()));
        }
        return out;
    }

    private static String validate(String text, int max, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw ApiException.badInput(field + " 不能为空。", "The " + field + " must not be empty.");
            }
            return null;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, field + "-too-long",
                    field + " 太长了，请精简到 " + max + " 个字以内。",
                    "The " + field + " is longer than " + max + " characters.");
        }
        return stripped;
    }
}
