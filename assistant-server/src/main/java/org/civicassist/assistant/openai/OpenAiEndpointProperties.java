package org.civicassist.assistant.openai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings under {@code assistant.openai.*}: the OpenAI-compatible chat endpoint the assistant serves
 * ({@code POST /v1/chat/completions}, {@code GET /v1/models}).
 *
 * @param apiKeys    the keys clients send as {@code Authorization: Bearer <key>}; none disables the endpoint (403)
 * @param model      the model name the endpoint reports (any name a client sends is accepted)
 * @param maxHistory at most this many earlier user messages of a request are replayed to rebuild the conversation's
 *                   context (its topic and last question)
 */
@ConfigurationProperties("assistant.openai")
public record OpenAiEndpointProperties(@DefaultValue List<String> apiKeys,
                                       @DefaultValue("civic-assistant") String model,
                                       @DefaultValue("6") int maxHistory) {

    public OpenAiEndpointProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        if (model == null || model.isBlank()) {
            model = "civic-assistant";
        }
        if (maxHistory < 0) {
            throw new IllegalArgumentException("assistant.openai.max-history must be >= 0");
        }
    }

    public boolean enabled() {
        return !apiKeys.isEmpty();
    }

    /** Never shows the keys. */
    @Override
    public String toString() {
        return "OpenAiEndpointProperties[apiKeys=(" + apiKeys.size() + " set), model=" + model + ", maxHistory="
                + maxHistory + "]";
    }
}
