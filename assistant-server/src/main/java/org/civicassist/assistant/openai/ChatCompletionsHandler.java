package org.civicassist.assistant.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.civicassist.assistant.chat.ChatDtos.ReplyView;
import org.civicassist.assistant.reply.Pieces;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/chat/completions} and {@code GET /v1/models} in the shape OpenAI clients expect, answering with
 * the assistant. Besides the standard fields every completion carries {@code reply}: the assistant's reply as the
 * chat API gives it (type, text, citations, confidence, suggestions). With {@code stream: true} the reply comes as
 * {@code chat.completion.chunk} events ending in {@code data: [DONE]}, once it is whole and checked.
 */
final class ChatCompletionsHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatCompletions completions;
    private final String model;
    private final Clock clock;

    ChatCompletionsHandler(ChatCompletions completions, String model, Clock clock) {
        this.completions = completions;
        this.model = model;
        this.clock = clock;
    }

    record Message(String role, String content) {
    }

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    record Completion(String id, String object, long created, String model, List<Choice> choices, ReplyView reply) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices, ReplyView reply) {
    }

    record ModelEntry(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }

    record ModelList(String object, List<ModelEntry> data) {
    }

    Mono<ServerResponse> complete(ServerRequest request) {
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.fromCallable(JSON::nullNode))
                .map(completions::parse)
                .flatMap(exchange -> Mono.fromCallable(() -> completions.answer(exchange))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(answered -> exchange.stream() ? streamed(answered) : whole(answered)));
    }

    Mono<ServerResponse> models(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(new ModelList("list",
                List.of(new ModelEntry(model, "model", 0, "civic-assistant"))));
    }

    private Mono<ServerResponse> whole(ChatCompletions.Answered answered) {
        Completion body = new Completion(id(), "chat.completion", now(), model,
                List.of(new Choice(0, new Message("assistant", answered.content()), "stop")),
                ReplyView.of(answered.reply()));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private Mono<ServerResponse> streamed(ChatCompletions.Answered answered) {
        String id = id();
        long created = now();
        List<String> data = new ArrayList<>();
        data.add(chunk(id, created, new Delta("assistant", ""), null, null));
        for (String piece : Pieces.of(answered.content())) {
            data.add(chunk(id, created, new Delta(null, piece), null, null));
        }
        data.add(chunk(id, created, new Delta(null, null), "stop", ReplyView.of(answered.reply())));
        data.add("[DONE]");
        Flux<ServerSentEvent<String>> events = Flux.fromIterable(data).map(d -> ServerSentEvent.builder(d).build());
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .body(BodyInserters.fromServerSentEvents(events));
    }

    private String chunk(String id, long created, Delta delta, String finish, ReplyView reply) {
        return JSON.writeValueAsString(new Chunk(id, "chat.completion.chunk", created, model,
                List.of(new ChunkChoice(0, delta, finish)), reply));
    }

    private static String id() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
