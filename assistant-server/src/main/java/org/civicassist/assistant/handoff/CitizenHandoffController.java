package org.civicassist.assistant.handoff;

import org.civicassist.assistant.chat.ChatDtos.MessageResponse;
import org.civicassist.assistant.chat.ChatDtos.ReplyView;
import org.civicassist.assistant.chat.ChatService;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * The citizen's side of the handoff: {@code POST /api/v1/conversations/{id}/handoff} (the widget's 转人工 button) and
 * {@code GET /api/v1/conversations/{id}/events} (live staff messages and state changes). The conversation token is
 * sent as {@code X-Conversation-Token}, or for the event stream as {@code ?token=} (EventSource cannot send headers).
 */
@RestController
public class CitizenHandoffController {

    static final String TOKEN_HEADER = "X-Conversation-Token";

    /** {@code contact}: phone or e-mail to be called back on; {@code message}: what the citizen wants to say. */
    public record HandoffRequest(String contact, String message) {
    }

    private final HandoffService handoffs;
    private final CitizenEventStream stream;
    private final ChatService chat;
    private final HandoffProperties properties;

    public CitizenHandoffController(HandoffService handoffs, CitizenEventStream stream, ChatService chat,
                                    HandoffProperties properties) {
        this.handoffs = handoffs;
        this.stream = stream;
        this.chat = chat;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/conversations/{id}/handoff", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<MessageResponse> handoff(@PathVariable String id,
                                         @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                         @RequestBody(required = false) Mono<HandoffRequest> body) {
        return body.defaultIfEmpty(new HandoffRequest(null, null))
                .flatMap(request -> {
                    Optional<String> contact = text(request.contact(), properties.maxContactLength(), "contact");
                    // the contact is given on purpose for a call back and kept apart; the message is stored masked
                    Optional<String> message = text(request.message(), chat.limits().maxMessageLength(), "message")
                            .map(chat::mask);
                    return chat.authorize(id, token).flatMap(c -> handoffs.requestedByCitizen(c, contact, message));
                })
                .map(reply -> new MessageResponse(ReplyView.of(reply)));
    }

    /** Cancels a request for a person that nobody has claimed yet: the assistant has the conversation again. */
    @DeleteMapping(path = "/api/v1/conversations/{id}/handoff", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<MessageResponse> cancel(@PathVariable String id,
                                        @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return chat.authorize(id, token).flatMap(handoffs::cancelledByCitizen)
                .map(reply -> new MessageResponse(ReplyView.of(reply)));
    }

    @GetMapping(path = "/api/v1/conversations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> events(@PathVariable String id,
                                                @RequestHeader(name = TOKEN_HEADER, required = false) String header,
                                                @RequestParam(name = "token", required = false) String query,
                                                @RequestHeader(name = "Last-Event-ID", required = false)
                                                String lastEventId) {
        String token = header != null && !header.isBlank() ? header : query;
        return chat.authorize(id, token)
                .flatMapMany(c -> stream.open(c, Optional.ofNullable(lastEventId).map(String::strip)
                        .filter(s -> s.matches("[0-9]{1,12}"))));
    }

    private static Optional<String> text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, field + "-too-long",
                    field + " 太长了，请精简到 " + max + " 个字以内。",
                    "The " + field + " is longer than " + max + " characters.");
        }
        return Optional.of(stripped);
    }
}
