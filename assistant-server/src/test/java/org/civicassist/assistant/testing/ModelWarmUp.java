package org.civicassist.assistant.testing;

import org.civicassist.assistant.llm.LlmHooks;
import org.civicassist.assistant.llm.LlmProperties;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.pipeline.Composer;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.pipeline.FollowUpResolver;

import java.time.Duration;

/**
 * The first call of a JVM to a language model loads and starts LangChain4j's HTTP client, plain and streamed: on a
 * busy machine that alone can take longer than a first-token limit of a second. Tests that hold the model to tight
 * limits make those calls once beforehand, without a limit that matters, so that their limits time the model and
 * not the client's start-up.
 */
public final class ModelWarmUp {

    private ModelWarmUp() {
    }

    public static void warmUp(ModelStub model, AssistantAssembly tiny) {
        model.reset();
        model.writes("补办社保卡需要交工本费20元。\n引用: 1");
        LlmHooks hooks = LlmHooks.create(LlmProperties.of(model.baseUrl(), ModelStub.MODEL, ModelStub.API_KEY)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60)));
        Assistant assistant = new Assistant(tiny.nlp().understander(), tiny.knowledge(), new FollowUpResolver(),
                new Composer(), hooks.rewriter(), hooks.writer());
        assistant.respond(DialogueState.initial(), "补办社保卡要钱吗");
        assistant.respond(DialogueState.initial(), "补办社保卡要钱吗", shown -> {
        });
        if (model.answerRequests().size() != 2) {
            throw new IllegalStateException("the warm-up did not reach the model stub: " + model.answerRequests());
        }
        model.reset();
    }
}
