package org.civicassist.assistant.llm;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.pipeline.Composer;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.pipeline.FollowUpResolver;
import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.assistant.testing.TinyAssistant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The echo model of {@code src/test/resources/llm-stub} (WireMock mappings, the stub the evaluation's LLM mode runs
 * against): it answers with the first line of passage 1, so its answers pass the checks and every decision and first
 * citation stays what the extractive path gives — the LLM mode measures the same answer path.
 */
class EchoModelStubTest {

    static final List<String> CONVERSATION = List.of("补办社保卡要钱吗", "社保卡丢了怎么补办", "那要多久", "办护照要多久",
            "那要带什么", "我要投诉");

    static WireMockServer echo;
    static AssistantAssembly tiny;

    @BeforeAll
    static void start() {
        echo = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("src/test/resources/llm-stub"));
        echo.start();
        tiny = TinyAssistant.assemble();
    }

    @AfterAll
    static void stop() {
        echo.stop();
        tiny.close();
    }

    static Assistant withEchoModel() {
        LlmHooks hooks = LlmHooks.create(LlmProperties.of("http://localhost:" + echo.port() + "/v1", "echo", null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)));
        return new Assistant(tiny.nlp().understander(), tiny.knowledge(), new FollowUpResolver(), new Composer(),
                hooks.rewriter(), hooks.writer());
    }

    @Test
    void written_answers_pass_the_checks_and_every_decision_stays_the_extractive_one() {
        Assistant llm = withEchoModel();
        DialogueState extractiveState = DialogueState.initial();
        DialogueState llmState = DialogueState.initial();
        DialogueState streamedState = DialogueState.initial();
        int written = 0;
        for (String message : CONVERSATION) {
            Turn extractive = tiny.assistant().respond(extractiveState, message);
            Turn plain = llm.respond(llmState, message);
            StringBuilder shown = new StringBuilder();
            Turn streamed = llm.respond(streamedState, message, shown::append);

            for (Turn t : List.of(plain, streamed)) {
                assertThat(t.reply().type()).as(message).isEqualTo(extractive.reply().type());
                assertThat(t.reply().citations().stream().findFirst())
                        .isEqualTo(extractive.reply().citations().stream().findFirst());
                assertThat(t.next()).isEqualTo(extractive.next());
            }
            if (extractive.reply() instanceof Reply.Answer) {
                assertThat(plain.reply().text()).as("written, not extractive").isNotEqualTo(extractive.reply().text())
                        .isEqualTo(streamed.reply().text()).isEqualTo(shown.toString());
                written++;
            }
            extractiveState = extractive.next();
            llmState = plain.next();
            streamedState = streamed.next();
        }
        assertThat(written).isGreaterThanOrEqualTo(3);
        assertThat(echo.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))))
                .as("follow-ups were sent for rewriting too")
                .anyMatch(r -> r.getBodyAsString().contains("改写成一个完整、独立的问题"));
    }
}
