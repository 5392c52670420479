package org.civicassist.assistant.chat;

import org.civicassist.assistant.chat.ChatDtos.ConversationView;
import org.civicassist.assistant.chat.ChatDtos.CreateConversationRequest;
import org.civicassist.assistant.chat.ChatDtos.CreatedConversation;
import org.civicassist.assistant.chat.ChatDtos.MessageRequest;
import org.civicassist.assistant.chat.ChatDtos.MessageResponse;
import org.civicassist.assistant.chat.ChatDtos.ReplyView;
import org.civicassist.assistant.chat.ChatDtos.StreamedReplyView;
import org.civicassist.assistant.reply.Pieces;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/** The citizen chat API: {@code /api/v1/conversations}. */
@RestController
@RequestMapping("/api/v1/conversations")
public class ChatController {

    static final String TOKEN_HEADER = "X-Conversation-Token";

    private final ChatService chat;

    public ChatController(ChatService chat) {
        this.chat = chat;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CreatedConversation>> open(@RequestBody(required = false)
                                                           Mono<CreateConversationRequest> body) {
        return body.defaultIfEmpty(new CreateConversationRequest(null, null))
                .flatMap(req -> chat.open(req.channel(), req.locale()))
                .map(o -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(new CreatedConversation(o.conversation().id(), o.token())));
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<MessageResponse> send(@PathVariable String id,
                                      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                      @RequestBody(required = false) Mono<MessageRequest> body) {
        return body.switchIfEmpty(Mono.error(() -> ApiException.badInput("请求体不能为空。", "The request body is empty.")))
                .flatMap(req -> chat.send(id, token, req.text()))
                .map(reply -> new MessageResponse(ReplyView.of(reply)));
    }

    /**
     * The same exchange as server-sent events: {@code delta} events carry the reply text in pieces as it becomes
     * available (a written answer sentence by sentence, each once checked against the knowledge base; any other
     * reply cut after its sentences), then one {@code reply} event carries the whole reply with {@code replaced}.
     * {@code replaced: true} means the deltas were a written answer that failed its checks before the end: the
     * client replaces what it showed with the reply's text (the extractive answer). Errors before the first event
     * are {@code application/problem+json} responses, as for the JSON exchange.
     */
    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> sendStreaming(@PathVariable String id,
                                                       @RequestHeader(name = TOKEN_HEADER, required = false)
                                                       String token,
                                                       @RequestBody(required = false) Mono<MessageRequest> body) {
        return body.switchIfEmpty(Mono.error(() -> ApiException.badInput("请求体不能为空。", "The request body is empty.")))
                .flatMapMany(req -> Flux.create(sink -> {
                    StringBuilder shown = new StringBuilder();
                    Disposable turn = chat.send(id, token, req.text(), piece -> {
                        synchronized (shown) {
                            shown.append(piece);
                        }
                        sink.next(delta(piece));
                    }).subscribe(reply -> {
                        String already;
                        synchronized (shown) {
                            already = shown.toString();
                        }
                        boolean replaced = !reply.text().startsWith(already);
                        if (!replaced) {
                            Pieces.of(reply.text().substring(already.length())).forEach(p -> sink.next(delta(p)));
                        }
                        sink.next(ServerSentEvent.builder((Object) StreamedReplyView.of(reply, replaced))
                                .event("reply").build());
                        sink.complete();
                    }, sink::error);
                    sink.onDispose(turn);
                }));
    }

    private static ServerSentEvent<Object> delta(String piece) {
        return ServerSentEvent.builder((Object) piece).event("delta").build();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationView> get(@PathVariable String id,
                                      @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return chat.authorize(id, token).map(ConversationView::of);
    }

}
