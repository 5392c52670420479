package org.civicassist.assistant.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code assistant.llm.*}: an optional OpenAI-compatible chat model (a hosted model, vLLM, Ollama …)
 * that rewrites follow-ups and words answers from the retrieved passages. Off by default; without it every answer
 * is the knowledge base's own text. Whatever goes wrong with the model, the citizen gets the extractive answer.
 *
 * @param enabled           use the model
 * @param baseUrl           the server's OpenAI API root, e.g. {@code https://host/v1} (required when enabled)
 * @param apiKey            sent as {@code Authorization: Bearer}; may be empty for local servers; never logged
 * @param model             the model name the server knows (required when enabled)
 * @param firstTokenTimeout a streamed answer whose first token has not arrived by then is abandoned
 * @param totalTimeout      the most a whole answer may take, retries included
 * @param rewriteTimeout    the most rewriting a follow-up may take, retries included (it delays the answer)
 * @param maxRetries        further attempts after a failed one (only before anything was shown)
 * @param retryWait         pause before each further attempt
 * @param temperature       sampling temperature; low keeps the model close to the passages
 * @param maxTokens         most tokens of one answer
 * @param maxPassages       most retrieved passages given to the model, the chosen one first
 * @param rewriteFollowUps  ask the model to restate messages that depend on the conversation
 * @param circuitBreaker    when to stop calling a failing model for a while
 */
@ConfigurationProperties("assistant.llm")
public record LlmProperties(@DefaultValue("false") boolean enabled,
                            String baseUrl,
                            String apiKey,
                            String model,
                            @DefaultValue("5s") Duration firstTokenTimeout,
                            @DefaultValue("20s") Duration totalTimeout,
                            @DefaultValue("4s") Duration rewriteTimeout,
                            @DefaultValue("1") int maxRetries,
                            @DefaultValue("200ms") Duration retryWait,
                            @DefaultValue("0.1") double temperature,
                            @DefaultValue("800") int maxTokens,
                            @DefaultValue("4") int maxPassages,
                            @DefaultValue("true") boolean rewriteFollowUps,
                            @DefaultValue CircuitBreaker circuitBreaker) {

    public LlmProperties {
        if (enabled) {
            require(baseUrl != null && !baseUrl.isBlank(), "assistant.llm.base-url is required when the LLM is enabled");
            require(model != null && !model.isBlank(), "assistant.llm.model is required when the LLM is enabled");
        }
        require(positive(firstTokenTimeout) && positive(totalTimeout) && positive(rewriteTimeout),
                "assistant.llm timeouts must be positive");
        require(maxRetries >= 0 && !retryWait.isNegative(), "assistant.llm.max-retries and retry-wait must be >= 0");
        require(maxTokens > 0 && maxPassages > 0, "assistant.llm.max-tokens and max-passages must be positive");
        if (circuitBreaker == null) {
            circuitBreaker = new CircuitBreaker(50, 10, 5, Duration.ofSeconds(30), 2);
        }
    }

    /**
     * Counts calls in a sliding window; at {@code failureRateThreshold} percent failures (once {@code minimumCalls}
     * were made) it opens: no calls for {@code openDuration}, then {@code halfOpenCalls} trial calls decide.
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
                                 @DefaultValue("10") int slidingWindowSize,
                                 @DefaultValue("5") int minimumCalls,
                                 @DefaultValue("30s") Duration openDuration,
                                 @DefaultValue("2") int halfOpenCalls) {
        public CircuitBreaker {
            require(failureRateThreshold > 0 && failureRateThreshold <= 100,
                    "assistant.llm.circuit-breaker.failure-rate-threshold must be in (0, 100]");
            require(slidingWindowSize > 0 && minimumCalls > 0 && halfOpenCalls > 0 && positive(openDuration),
                    "assistant.llm.circuit-breaker sizes and durations must be positive");
        }
    }

    /** The model at {@code baseUrl}, enabled, with every other setting at its default. */
    public static LlmProperties of(String baseUrl, String model, String apiKey) {
        return new LlmProperties(true, baseUrl, apiKey, model, Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(4), 1, Duration.ofMillis(200), 0.1, 800, 4, true, null);
    }

    /** A copy with other time limits (tests, benchmarks). */
    public LlmProperties withTimeouts(Duration firstToken, Duration total, Duration rewrite) {
        return new LlmProperties(enabled, baseUrl, apiKey, model, firstToken, total, rewrite, maxRetries, retryWait,
                temperature, maxTokens, maxPassages, rewriteFollowUps, circuitBreaker);
    }

    /** A copy with another circuit breaker (tests). */
    public LlmProperties withCircuitBreaker(CircuitBreaker breaker) {
        return new LlmProperties(enabled, baseUrl, apiKey, model, firstTokenTimeout, totalTimeout, rewriteTimeout,
                maxRetries, retryWait, temperature, maxTokens, maxPassages, rewriteFollowUps, breaker);
    }

    /** A copy with another number of retries (tests). */
    public LlmProperties withMaxRetries(int retries) {
        return new LlmProperties(enabled, baseUrl, apiKey, model, firstTokenTimeout, totalTimeout, rewriteTimeout,
                retries, retryWait, temperature, maxTokens, maxPassages, rewriteFollowUps, circuitBreaker);
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "LlmProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "(none)" : "(set)") + ", model=" + model
                + ", firstTokenTimeout=" + firstTokenTimeout + ", totalTimeout=" + totalTimeout
                + ", rewriteTimeout=" + rewriteTimeout + ", maxRetries=" + maxRetries + ", retryWait=" + retryWait
                + ", temperature=" + temperature + ", maxTokens=" + maxTokens + ", maxPassages=" + maxPassages
                + ", rewriteFollowUps=" + rewriteFollowUps + ", circuitBreaker=" + circuitBreaker + "]";
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
