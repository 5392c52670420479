package org.civicassist.assistant.staff;

import org.civicassist.assistant.handoff.HandoffEvents;
import org.civicassist.assistant.handoff.HandoffViews.MessageView;
import org.civicassist.assistant.handoff.HandoffViews.QueueItem;
import org.civicassist.assistant.security.StaffPrincipal;
import org.civicassist.assistant.security.StaffSessions;
import org.civicassist.assistant.staff.StaffViews.CloseRequest;
import org.civicassist.assistant.staff.StaffViews.ConversationView;
import org.civicassist.assistant.staff.StaffViews.EventsTicket;
import org.civicassist.assistant.staff.StaffViews.Export;
import org.civicassist.assistant.staff.StaffViews.KbHit;
import org.civicassist.assistant.staff.StaffViews.Overview;
import org.civicassist.assistant.staff.StaffViews.TextRequest;
import org.civicassist.assistant.staff.StaffViews.TransferRequest;
import org.civicassist.assistant.teach.TeachService;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * The staff API under {@code /api/v1/staff} (every endpoint needs a staff bearer token, see
 * {@link org.civicassist.assistant.config.SecurityConfiguration}).
 */
@RestController
public class StaffController {

    private final StaffService staff;
    private final StaffSessions sessions;
    private final HandoffEvents events;
    private final Duration heartbeat;
    private final TeachService teach;

    public StaffController(StaffService staff, StaffSessions sessions, HandoffEvents events,
                           StaffSettings settings, TeachService teach) {
        this.staff = staff;
        this.teach = teach;
        this.sessions = sessions;
        this.events = events;
        this.heartbeat = settings.heartbeat();
    }

    /** @param heartbeat how often an idle staff event stream sends a comment */
    public record StaffSettings(Duration heartbeat) {
    }

    @GetMapping(path = "/api/v1/staff/queue", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<QueueItem>> queue() {
        return staff.waiting();
    }

    /** The queue and the conversations the caller has, in one request. */
    @GetMapping(path = "/api/v1/staff/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Overview> overview(@AuthenticationPrincipal StaffPrincipal me) {
        return staff.waiting().zipWith(staff.mine(me), Overview::new);
    }

    @GetMapping(path = "/api/v1/staff/conversations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationView> conversation(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id) {
        return staff.view(me, id);
    }

    /** One conversation for a formal complaint, as JSON; audited. */
    @GetMapping(path = "/api/v1/staff/conversations/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Export>> export(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id) {
        return staff.export(me, id, "json").map(e -> ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"conversation-" + id + ".json\"")
                .body(e));
    }

    /** The same as a printable HTML page; audited. */
    @GetMapping(path = "/api/v1/staff/conversations/{id}/export.html", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> exportHtml(@AuthenticationPrincipal StaffPrincipal me,
                                                   @PathVariable String id) {
        return staff.export(me, id, "html").map(e -> ResponseEntity.ok()
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(ConversationExportPage.render(e)));
    }

    /** Administrators delete a conversation on the citizen's behalf (a request by phone or letter); audited. */
    @DeleteMapping(path = "/api/v1/staff/conversations/{id}")
    public Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id) {
        return staff.delete(me, id).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping(path = "/api/v1/staff/conversations/{id}/claim", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationView> claim(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id) {
        return staff.claim(me, id);
    }

    @PostMapping(path = "/api/v1/staff/conversations/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<MessageView>> reply(@AuthenticationPrincipal StaffPrincipal me,
                                                   @PathVariable String id,
                                                   @RequestBody(required = false) Mono<TextRequest> body) {
        return body.switchIfEmpty(Mono.error(StaffController::emptyBody))
                .flatMap(r -> staff.reply(me, id, r.text()))
                .map(m -> ResponseEntity.status(HttpStatus.CREATED).body(m));
    }

    @PostMapping(path = "/api/v1/staff/conversations/{id}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationView> transfer(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
                                           @RequestBody(required = false) Mono<TransferRequest> body) {
        return body.switchIfEmpty(Mono.error(StaffController::emptyBody))
                .flatMap(r -> staff.transfer(me, id, r.to()));
    }

    /**
     * Closes the conversation; with {@code answered_by} (a KB item id, checked against the KB: unknown → 400) the
     * citizen's question becomes a suggested similar question of that item (see {@link TeachService}).
     */
    @PostMapping(path = "/api/v1/staff/conversations/{id}/close", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationView> close(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
                                        @RequestBody(required = false) Mono<CloseRequest> body) {
        return body.defaultIfEmpty(new CloseRequest(null, null)).flatMap(r -> {
            // an unknown item is refused before anything changes
            String item = teach.validateItem(r.answeredBy());
            return staff.close(me, id, r.note()).flatMap(view -> item == null ? Mono.just(view)
                    : teach.suggest(me.username(), view.conversationId(), view.question(), item).thenReturn(view));
        });
    }

    @GetMapping(path = "/api/v1/staff/kb/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<KbHit>> searchKnowledge(@AuthenticationPrincipal StaffPrincipal me,
                                             @RequestParam(name = "q", required = false) String q) {
        return staff.searchKnowledge(me, q);
    }

    /**
     * A single-use ticket, valid for {@code assistant.staff.events-ticket-ttl}, that opens
     * {@code GET /api/v1/staff/events?token=} once: a browser's EventSource cannot send the Authorization header, and
     * the login token must not appear in a URL.
     */
    @PostMapping(path = "/api/v1/staff/events/ticket", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<EventsTicket> eventsTicket(@AuthenticationPrincipal StaffPrincipal me) {
        return sessions.eventsTicket(me).map(t -> new EventsTicket(t.token(), t.expiresAt().toString()));
    }

    /**
     * Staff events: {@code queue} (a conversation joined the queue), {@code claimed} (someone took one, or it was
     * transferred), {@code closed}, and {@code message} (a citizen wrote in a conversation the caller has); a comment
     * every heartbeat. After a reconnect the console reloads the queue: events are not replayed.
     */
    @GetMapping(path = "/api/v1/staff/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> events(@AuthenticationPrincipal StaffPrincipal me) {
        Flux<ServerSentEvent<Object>> live = events.events()
                .filter(e -> e.forStaff() && e.isFor(me.username()))
                .map(e -> ServerSentEvent.<Object>builder(e.data()).event(e.type()).build());
        Flux<ServerSentEvent<Object>> beats = Flux.interval(heartbeat, heartbeat)
                .map(t -> ServerSentEvent.builder().comment("heartbeat").build());
        return Flux.merge(Flux.just(ServerSentEvent.builder().comment("connected").build()), live, beats)
                .onBackpressureBuffer(256);
    }

    private static ApiException emptyBody() {
        return ApiException.badInput("请求体不能为空。", "The request body is empty.");
    }
}
