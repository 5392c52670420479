package org.civicassist.assistant.llm;

import dev.langchain4j.data.message.ChatMessage;
import org.civicassist.assistant.pipeline.AnswerWriter;
import org.civicassist.assistant.reply.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Words an answer with the language model from the retrieved passages only, and shows it only as far as it is
 * grounded (see {@link Draft}). On a time-out, an error, an open circuit or a rejected draft it returns empty and
 * the citizen gets the extractive answer; nothing about the failure reaches the citizen.
 */
public final class LlmAnswerWriter implements AnswerWriter {

    private static final Logger log = LoggerFactory.getLogger(LlmAnswerWriter.class);

    private final ModelCalls model;
    private final int maxPassages;
    private final Duration totalTimeout;
    private final LlmOutcomes outcomes;

    LlmAnswerWriter(ModelCalls model, int maxPassages, Duration totalTimeout, LlmOutcomes outcomes) {
        this.model = model;
        this.maxPassages = maxPassages;
        this.totalTimeout = totalTimeout;
        this.outcomes = outcomes;
    }

    @Override
    public Optional<Reply.Answer> write(Request request) {
        List<Source> sources = Source.of(request.candidates(), request.kb(), maxPassages);
        Draft draft = new Draft(sources, piece -> {
        });
        return attempt(request, () -> {
            model.complete(prompt(request, sources), totalTimeout).ifPresent(draft::accept);
            return draft.finish(request.extractive());
        });
    }

    @Override
    public Optional<Reply.Answer> write(Request request, Consumer<String> shown) {
        List<Source> sources = Source.of(request.candidates(), request.kb(), maxPassages);
        Draft draft = new Draft(sources, shown);
        return attempt(request, () -> {
            model.stream(prompt(request, sources)).doOnNext(draft::accept).blockLast();
            return draft.finish(request.extractive());
        });
    }

    private static List<ChatMessage> prompt(Request request, List<Source> sources) {
        return Prompts.answer(sources, request.question(), request.message());
    }

    private interface Writing {
        Reply.Answer run();
    }

    private Optional<Reply.Answer> attempt(Request request, Writing writing) {
        String chosen = request.extractive().citations().get(0).key();
        try {
            Reply.Answer written = writing.run();
            outcomes.record(LlmOutcomes.Use.ANSWER, LlmOutcomes.Outcome.USED);
            return Optional.of(written);
        } catch (Draft.Rejected e) {
            outcomes.record(LlmOutcomes.Use.ANSWER, LlmOutcomes.Outcome.REJECTED);
            log.info("written answer for {} rejected ({}); extractive answer given", chosen, e.getMessage());
        } catch (RuntimeException e) {
            outcomes.record(LlmOutcomes.Use.ANSWER, LlmOutcomes.Outcome.UNAVAILABLE);
            log.warn("language model unavailable for {} ({}); extractive answer given", chosen,
                    ModelCalls.describe(unwrap(e)));
        }
        return Optional.empty();
    }

    /** Reactor wraps checked exceptions (a time-out) in its own. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getClass().getName().startsWith("reactor.core.Exceptions$")) {
            t = t.getCause();
        }
        return t;
    }
}
