package org.civicassist.assistant.handoff;

import org.civicassist.assistant.chat.HandoffDesk;
import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.ConsideredCandidate;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStatus;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.Escalation;
import org.civicassist.assistant.conversation.ReplyFeedback;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.handoff.HandoffViews.MessageView;
import org.civicassist.assistant.handoff.HandoffViews.QueueItem;
import org.civicassist.assistant.pipeline.Composer;
import org.civicassist.assistant.privacy.ContactStore;
import org.civicassist.assistant.privacy.RetentionPolicy;
import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.rank.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The citizen's side of handing a conversation to a person. A conversation is handed over when the assistant decides
 * so (a request for a person, a complaint or anger, an emergency, low confidence, a second unresolved turn), when the
 * citizen presses 转人工 ({@link #requestedByCitizen}), or when the citizen marks an answer as not useful
 * ({@link #afterNegativeFeedback}: the handoff is performed at once, not merely offered, as the citizen has just told
 * us the assistant failed them). Out of office hours the handoff becomes a ticket: the citizen is told when to expect
 * an answer and may leave a message and a contact.
 */
public class HandoffService implements HandoffDesk {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    static final String HOTLINE = "12345 政务服务便民热线";
    static final String NEGATIVE_FEEDBACK_TEXT = "很抱歉这个回答没有帮到您，已为您转接人工服务，请稍候。";

    private final ConversationStore store;
    private final int maxEntries;
    private final HandoffQueue queue;
    private final HandoffEvents events;
    private final OfficeHours hours;
    private final Clock clock;
    private final HandoffProperties properties;
    private final ContactStore contacts;
    private final RetentionPolicy retention;
    private final Composer composer = new Composer();

    /** @param maxEntries most transcript entries of one conversation (as in the chat) */
    public HandoffService(ConversationStore store, int maxEntries, HandoffQueue queue, HandoffEvents events,
                          OfficeHours hours, Clock clock, HandoffProperties properties, ContactStore contacts,
                          RetentionPolicy retention) {
        this.contacts = contacts;
        this.retention = retention;
        this.store = store;
        this.maxEntries = maxEntries;
        this.queue = queue;
        this.events = events;
        this.hours = hours;
        this.clock = clock;
        this.properties = properties;
    }

    // --- the chat's way to staff (HandoffDesk) ---

    @Override
    public Opening open(Conversation before, String message, Reply.Handoff reply, List<Candidate> considered,
                        Instant now) {
        String question = message;
        if (reply.reason() == HandoffReason.REQUESTED) {
            // "转人工" says nothing about the matter: staff want the question before it
            question = lastCitizenMessage(before).orElse(message);
        }
        List<ConsideredCandidate> candidates = considered.stream().limit(properties.candidates())
                .map(HandoffService::considered).toList();
        if (candidates.isEmpty()) {
            // decided from the message alone (a request for a person, a complaint): what the last answer rested on
            candidates = candidatesOfLastAnswer(before);
        }
        return opening(reply, question, candidates, false, now);
    }

    @Override
    public Mono<Void> opened(Conversation saved) {
        Escalation e = saved.escalation().orElseThrow();
        log.info("conversation={} handed to staff reason={} ticket={}", saved.id(), HandoffViews.wire(e.reason()),
                e.isTicket());
        return queue.add(saved.id(), e.requestedAt())
                .then(events.publish(HandoffEvent.changed(saved.id())))
                .then(queue.position(saved.id()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(position -> events.publish(new HandoffEvent(HandoffEvent.QUEUE, saved.id(), null,
                        HandoffViews.asMap(QueueItem.of(saved, e, position.orElse(null), clock.instant())))));
    }

    @Override
    public Reply.Handoff forwarded(Conversation saved) {
        HandoffReason reason = saved.handoffReason().orElse(HandoffReason.REQUESTED);
        Optional<Escalation> e = saved.escalation();
        String text;
        if (saved.status() == ConversationStatus.WITH_STAFF) {
            text = "已发送给工作人员" + e.flatMap(Escalation::staffName).orElse("") + "。";
        } else if (e.map(Escalation::isTicket).orElse(false)) {
            text = "已收到您的留言。工作人员将于" + hours.format(e.get().expectedReplyBy().get())
                    + "后尽快回复您。如需电话联系，请留下您的联系方式。";
        } else {
            text = "您的消息已转给工作人员，请稍候。";
        }
        return new Reply.Handoff(text, reason, 1.0, List.of());
    }

    @Override
    public Mono<Void> citizenWrote(Conversation saved, TranscriptEntry message) {
        Optional<String> staff = saved.status() == ConversationStatus.WITH_STAFF
                ? saved.escalation().flatMap(Escalation::staff) : Optional.empty();
        Mono<Void> toStaff = staff.map(s -> events.publish(new HandoffEvent(HandoffEvent.MESSAGE, saved.id(), s,
                HandoffViews.asMap(MessageView.of(saved.id(), message))))).orElse(Mono.empty());
        return toStaff.then(events.publish(HandoffEvent.changed(saved.id())));
    }

    // --- the citizen's 转人工 button ---

    /**
     * Hands the conversation to a person at the citizen's request, with an optional message and contact; while it
     * already waits or is with staff, adds them to it.
     */
    public Mono<Reply> requestedByCitizen(Conversation authorized, Optional<String> contact,
                                          Optional<String> message) {
        String id = authorized.id();
        return Mono.just(authorized).flatMap(c -> {
            if (c.status() == ConversationStatus.CLOSED) {
                return Mono.error(ApiException.conversationClosed());
            }
            if (c.transcript().size() + 2 > maxEntries) {
                return Mono.error(new ApiException(HttpStatus.CONFLICT, "conversation-full",
                        "这个会话的消息已经很多了，请开始新的会话继续咨询。",
                        "The conversation has reached its maximum length; start a new one."));
            }
            Instant now = clock.instant();
            if (c.status() != ConversationStatus.BOT) {
                return addToEscalation(id, contact, message, now);
            }
            Opening o = opening((Reply.Handoff) composer.handoff(HandoffReason.REQUESTED, 1.0),
                    message.or(() -> lastCitizenMessage(c)).orElse(""), candidatesOfLastAnswer(c),
                    contact.isPresent(), now);
            AtomicBoolean escalatedHere = new AtomicBoolean();
            // the contact is kept apart from the conversation (encrypted in Redis); the escalation says only that
            // there is one
            return keepContact(id, contact).then(store.update(id, current -> {
                        escalatedHere.set(current.status() == ConversationStatus.BOT);
                        if (!escalatedHere.get()) {
                            return current; // handed over meanwhile, by another request
                        }
                        Conversation next = message.map(m -> current.say(Author.CITIZEN, m, now, Optional.empty()))
                                .orElse(current);
                        next = next.append(new TranscriptEntry(next.nextEntryId(), Author.ASSISTANT,
                                o.reply().text(), now, Optional.of(o.reply())));
                        return next.escalate(o.escalation());
                    }))
                    .switchIfEmpty(Mono.error(ApiException::notFound))
                    .flatMap(saved -> escalatedHere.get()
                            ? opened(saved).onErrorResume(e -> logged(saved, e)).thenReturn((Reply) o.reply())
                            : addToEscalation(id, contact, message, now));
        });
    }

    /**
     * The citizen no longer wants a person while the conversation still waits for one: it leaves the queue and the
     * assistant has it again. Once a person has claimed it, it is theirs (409).
     */
    public Mono<Reply> cancelledByCitizen(Conversation authorized) {
        String id = authorized.id();
        Instant now = clock.instant();
        Reply.Clarify reply = new Reply.Clarify("好的，已取消转人工。您可以继续问我。", 1.0, List.of());
        AtomicBoolean cancelledHere = new AtomicBoolean();
        return store.update(id, current -> {
                    cancelledHere.set(current.status() == ConversationStatus.WAITING);
                    if (!cancelledHere.get()) {
                        return current;
                    }
                    return current.withStatus(ConversationStatus.BOT, Optional.empty(), now)
                            .append(new TranscriptEntry(current.nextEntryId(), Author.ASSISTANT, reply.text(), now,
                                    Optional.of(reply)));
                })
                .switchIfEmpty(Mono.error(ApiException::notFound))
                .flatMap(saved -> {
                    if (!cancelledHere.get()) {
                        return Mono.error(new ApiException(HttpStatus.CONFLICT, "not-waiting",
                                "当前没有等待中的人工服务请求。", "The conversation is not waiting for a person."));
                    }
                    log.info("conversation={} handoff cancelled by the citizen", saved.id());
                    return queue.remove(saved.id()).then(events.publish(HandoffEvent.changed(saved.id())))
                            .then(contacts.expireIn(saved.id(), retention.contacts()))
                            .onErrorResume(e -> logged(saved, e)).thenReturn((Reply) reply);
                });
    }

    private Mono<Reply> addToEscalation(String id, Optional<String> contact, Optional<String> message, Instant now) {
        return keepContact(id, contact).then(store.update(id, current -> {
                    Conversation next = message.map(m -> current.say(Author.CITIZEN, m, now, Optional.empty()))
                            .orElse(current);
                    if (contact.isPresent() && next.escalation().isPresent()) {
                        next = next.withEscalation(next.escalation().get().withContactLeft());
                    }
                    return next;
                }))
                .switchIfEmpty(Mono.error(ApiException::notFound))
                .flatMap(saved -> (message.isPresent()
                        ? citizenWrote(saved, saved.transcript().get(saved.transcript().size() - 1))
                        : events.publish(HandoffEvent.changed(saved.id())))
                        .onErrorResume(e -> logged(saved, e))
                        .thenReturn((Reply) forwarded(saved)));
    }

    // --- negative feedback ---

    /**
     * A "not useful" verdict on an answer, while the assistant still has the conversation, hands it to a person:
     * a system message tells the citizen (live, on their event stream) and the conversation joins the queue with
     * reason {@code negative_feedback}, the question that was answered and the item the answer came from.
     */
    public Mono<Void> afterNegativeFeedback(Conversation saved, ReplyFeedback feedback) {
        if (feedback.useful() || saved.status() != ConversationStatus.BOT) {
            return Mono.empty();
        }
        int index = indexOf(saved, feedback.messageId());
        if (index < 0 || !(saved.transcript().get(index).reply().orElse(null) instanceof Reply.Answer answer)) {
            return Mono.empty();
        }
        String question = index > 0 && saved.transcript().get(index - 1).author() == Author.CITIZEN
                ? saved.transcript().get(index - 1).text() : "";
        Instant now = clock.instant();
        Reply.Handoff base = new Reply.Handoff(NEGATIVE_FEEDBACK_TEXT + "您也可以拨打 " + HOTLINE + "。",
                HandoffReason.NEGATIVE_FEEDBACK, answer.confidence(), List.of());
        Opening o = opening(base, question, candidatesOf(answer), false, now);
        AtomicBoolean escalatedHere = new AtomicBoolean();
        return store.update(saved.id(), current -> {
                    escalatedHere.set(current.status() == ConversationStatus.BOT);
                    return escalatedHere.get()
                            ? current.say(Author.SYSTEM, o.reply().text(), now, Optional.empty())
                            .escalate(o.escalation())
                            : current;
                })
                .filter(c -> escalatedHere.get())
                .flatMap(this::opened);
    }

    // --- shared ---

    /** The escalation for a handoff reply; out of office hours a ticket, and the reply says when to expect one. */
    private Mono<Void> keepContact(String id, Optional<String> contact) {
        return contact.map(value -> contacts.keep(id, value, retention.contactsWhileOpen())).orElse(Mono.empty());
    }

    Opening opening(Reply.Handoff reply, String question, List<ConsideredCandidate> candidates,
                    boolean contact, Instant now) {
        if (hours.isOpen(now)) {
            return new Opening(reply, Escalation.open(reply.reason(), now, question, candidates, contact,
                    Optional.empty()));
        }
        Instant expected = hours.nextOpening(now).orElse(now);
        String text = (reply.reason() == HandoffReason.EMERGENCY ? reply.text() + "\n" : "")
                + "现在是非工作时间（人工服务时间：" + hours.describe() + "，法定节假日除外）。"
                + "请留下您的问题和联系方式（电话或邮箱），工作人员将于" + hours.format(expected) + "后尽快回复您。"
                + "如有急事，可拨打 " + HOTLINE + "。";
        Reply.Handoff ticket = new Reply.Handoff(text, reply.reason(), reply.confidence(), reply.suggestions());
        return new Opening(ticket, Escalation.open(reply.reason(), now, question, candidates, contact,
                Optional.of(expected)));
    }

    public OfficeHours officeHours() {
        return hours;
    }

    static ConsideredCandidate considered(Candidate c) {
        return ConsideredCandidate.of(c);
    }

    private static List<ConsideredCandidate> candidatesOf(Reply.Answer answer) {
        List<ConsideredCandidate> out = new ArrayList<>();
        for (Citation c : answer.citations()) {
            out.add(new ConsideredCandidate(c.key(), c.title(), c.section(), answer.confidence()));
        }
        return out;
    }

    /** For a handoff without a turn of its own: what the last answer rested on. */
    private static List<ConsideredCandidate> candidatesOfLastAnswer(Conversation c) {
        for (int i = c.transcript().size() - 1; i >= 0; i--) {
            if (c.transcript().get(i).reply().orElse(null) instanceof Reply.Answer a) {
                return candidatesOf(a);
            }
        }
        return List.of();
    }

    private static Optional<String> lastCitizenMessage(Conversation c) {
        for (int i = c.transcript().size() - 1; i >= 0; i--) {
            if (c.transcript().get(i).author() == Author.CITIZEN) {
                return Optional.of(c.transcript().get(i).text());
            }
        }
        return Optional.empty();
    }

    private static int indexOf(Conversation c, String entryId) {
        for (int i = 0; i < c.transcript().size(); i++) {
            if (c.transcript().get(i).id().equals(entryId)) {
                return i;
            }
        }
        return -1;
    }

    private static Mono<Void> logged(Conversation saved, Throwable e) {
        log.warn("handoff notification failed for conversation={}: {}", saved.id(), e.toString());
        return Mono.empty();
    }
}
