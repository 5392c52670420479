package org.civicassist.eval;

import org.civicassist.assistant.llm.LlmHooks;
import org.civicassist.assistant.llm.LlmProperties;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * The evaluation's LLM mode, as a picocli mixin ({@code @Mixin LlmModeOptions llm;}): with {@code --llm-base-url}
 * and {@code --llm-model} the harness measures the answer path with the language model, built exactly as the server
 * builds it; the harness passes {@link #hooks()} to
 * {@code AssistantAssembly.create(source, mode, store, embedder, clock, hooks.rewriter(), hooks.writer())}.
 * The API key is read from an environment variable, never from the command line (it would show in process lists
 * and shell history).
 */
public final class LlmModeOptions {

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "OpenAI-compatible API root of the language model, e.g. http://localhost:8089/v1")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name the server knows")
    String model;

    @Option(names = "--llm-api-key-env", paramLabel = "VAR", defaultValue = "LLM_API_KEY",
            description = "Environment variable holding the model's API key (default: ${DEFAULT-VALUE}; may be unset)")
    String apiKeyEnv;

    /** Whether the LLM mode was asked for. */
    public boolean enabled() {
        return baseUrl != null;
    }

    /** The language model's hooks, or {@link LlmHooks#none()} without {@code --llm-base-url}. */
    public LlmHooks hooks() {
        return hooks(System.getenv());
    }

    LlmHooks hooks(Map<String, String> environment) {
        if (baseUrl == null && model == null) {
            return LlmHooks.none();
        }
        if (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("--llm-base-url and --llm-model go together");
        }
        return LlmHooks.create(LlmProperties.of(baseUrl, model, environment.get(apiKeyEnv)));
    }

    /** For the report: the model and where it runs, never the key. */
    public String describe() {
        return enabled() ? model + " at " + baseUrl : "none (extractive answers)";
    }
}
