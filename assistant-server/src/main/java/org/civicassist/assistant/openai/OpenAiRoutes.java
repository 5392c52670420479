package org.civicassist.assistant.openai;

import org.civicassist.assistant.pipeline.Assistant;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Clock;

/** The OpenAI-compatible endpoint: {@code POST /v1/chat/completions} and {@code GET /v1/models}, behind API keys. */
public final class OpenAiRoutes {

    private OpenAiRoutes() {
    }

    /**
     * @param maxMessageLength longest user message accepted, in characters (as in the chat API)
     */
    public static RouterFunction<ServerResponse> of(OpenAiEndpointProperties settings, Assistant assistant,
                                                    int maxMessageLength, Clock clock) {
        ChatCompletionsHandler handler = new ChatCompletionsHandler(
                new ChatCompletions(assistant, maxMessageLength, settings.maxHistory()), settings.model(), clock);
        return RouterFunctions.route()
                .POST("/v1/chat/completions", handler::complete)
                .GET("/v1/models", handler::models)
                .filter(new ApiKeyFilter(settings.apiKeys()))
                .build();
    }
}
