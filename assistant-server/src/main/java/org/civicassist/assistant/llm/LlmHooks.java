package org.civicassist.assistant.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.civicassist.assistant.pipeline.AnswerWriter;
import org.civicassist.assistant.pipeline.QuestionRewriter;

import java.util.Optional;

/**
 * The language model's part in the answer path, built from {@link LlmProperties} in plain Java: the server's
 * configuration and the evaluation harness both pass these to
 * {@code AssistantAssembly.create(..., rewriter(), writer())}, so that what is measured is what answers.
 *
 * @param breaker the circuit breaker around the model (to report its state), empty without a model
 */
public record LlmHooks(QuestionRewriter rewriter, AnswerWriter writer, Optional<CircuitBreaker> breaker) {

    /** No language model: answers stay extractive. */
    public static LlmHooks none() {
        return new LlmHooks(QuestionRewriter.NONE, AnswerWriter.EXTRACTIVE, Optional.empty());
    }

    /** The OpenAI-compatible model of the settings, or {@link #none()} when they leave it disabled. */
    public static LlmHooks create(LlmProperties settings) {
        return create(settings, LlmOutcomes.NONE);
    }

    /** The same, telling {@code outcomes} how each use of the model ended. */
    public static LlmHooks create(LlmProperties settings, LlmOutcomes outcomes) {
        if (!settings.enabled()) {
            return none();
        }
        ModelCalls model = ModelCalls.openAiCompatible(settings);
        QuestionRewriter rewriter = settings.rewriteFollowUps()
                ? new LlmQuestionRewriter(model, settings.rewriteTimeout(), outcomes) : QuestionRewriter.NONE;
        return new LlmHooks(rewriter,
                new LlmAnswerWriter(model, settings.maxPassages(), settings.totalTimeout(), outcomes),
                Optional.of(model.breaker()));
    }
}
