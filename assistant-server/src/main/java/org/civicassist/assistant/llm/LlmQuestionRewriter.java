package org.civicassist.assistant.llm;

import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.pipeline.QuestionRewriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Restates a message that depends on the conversation as a standalone question, with the language model. The
 * result only steers retrieval (what is answered still comes from the passages), so a doubtful rewrite is merely
 * dropped: more than one line, far longer than the message and its context together, or empty.
 */
public final class LlmQuestionRewriter implements QuestionRewriter {

    private static final Logger log = LoggerFactory.getLogger(LlmQuestionRewriter.class);
    /** A standalone question never needs much more than the message and the context it borrows from. */
    static final int SLACK_CHARS = 20;

    private final ModelCalls model;
    private final Duration timeout;
    private final LlmOutcomes outcomes;

    LlmQuestionRewriter(ModelCalls model, Duration timeout, LlmOutcomes outcomes) {
        this.model = model;
        this.timeout = timeout;
        this.outcomes = outcomes;
    }

    @Override
    public Optional<String> rewrite(String message, DialogueState context) {
        Optional<String> output;
        try {
            output = model.complete(Prompts.rewrite(message, context), timeout);
        } catch (RuntimeException e) {
            outcomes.record(LlmOutcomes.Use.REWRITE, LlmOutcomes.Outcome.UNAVAILABLE);
            log.warn("language model unavailable for rewriting ({}); the message is searched as resolved",
                    ModelCalls.describe(LlmAnswerWriter.unwrap(e)));
            return Optional.empty();
        }
        Optional<String> rewritten = output.flatMap(text -> accepted(text, message, context));
        outcomes.record(LlmOutcomes.Use.REWRITE,
                rewritten.isPresent() ? LlmOutcomes.Outcome.USED : LlmOutcomes.Outcome.REJECTED);
        return rewritten;
    }

    static Optional<String> accepted(String output, String message, DialogueState context) {
        String text = output.replaceFirst("(?s)^\\s*<think>.*?</think>", "").strip()
                .replaceFirst("^(改写后的问题|改写|问题)\\s*[:：]\\s*", "")
                .replaceAll("^[\"“「]+|[\"”」]+$", "")
                .strip();
        int limit = message.length() + context.topicTitle().map(String::length).orElse(0)
                + context.lastQuestion().map(String::length).orElse(0)
                + context.situation().map(String::length).orElse(0) + SLACK_CHARS;
        if (text.isEmpty() || text.contains("\n") || text.length() > limit) {
            log.info("rewrite dropped ({} chars, limit {})", text.length(), limit);
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
