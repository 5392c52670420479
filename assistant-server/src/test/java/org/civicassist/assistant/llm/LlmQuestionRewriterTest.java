package org.civicassist.assistant.llm;

import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.pipeline.Composer;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.pipeline.FollowUpResolver;
import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.assistant.testing.ModelStub;
import org.civicassist.assistant.testing.ModelWarmUp;
import org.civicassist.assistant.testing.TinyAssistant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups restated by the model (WireMock over real HTTP) before retrieval: a rewrite that stands on its own is
 * searched for; a failed, slow or doubtful one leaves the follow-up resolver's reading, without error.
 */
class LlmQuestionRewriterTest {

    static ModelStub model;
    static AssistantAssembly tiny;

    @BeforeAll
    static void start() {
        model = new ModelStub();
        tiny = TinyAssistant.assemble();
        ModelWarmUp.warmUp(model, tiny);
    }

    @AfterAll
    static void stop() {
        model.close();
        tiny.close();
    }

    @BeforeEach
    void resetStub() {
        model.reset();
    }

    static Assistant assistant() {
        LlmHooks hooks = LlmHooks.create(LlmProperties.of(model.baseUrl(), ModelStub.MODEL, ModelStub.API_KEY)
                // the client started in start()
                .withTimeouts(Duration.ofMillis(800), Duration.ofSeconds(3), Duration.ofMillis(700)));
        return new Assistant(tiny.nlp().understander(), tiny.knowledge(), new FollowUpResolver(), new Composer(),
                hooks.rewriter(), hooks.writer());
    }

    /** What retrieval searches for when the citizen types this. */
    static String understood(String text) {
        return tiny.nlp().understander().understand(text).retrievalText();
    }

    /** The conversation after "社保卡丢了怎么补办" was answered (topic 社会保障卡补领). */
    static DialogueState afterCardQuestion() {
        Turn first = tiny.assistant().respond(DialogueState.initial(), "社保卡丢了怎么补办");
        assertThat(first.reply()).isInstanceOf(Reply.Answer.class);
        return first.next();
    }

    @Test
    void a_follow_up_is_searched_as_the_standalone_question_the_model_made_of_it() {
        // given: without a rewrite, "那要交钱吗" after the card question is answered from the card guide, not the fee
        DialogueState state = afterCardQuestion();
        assertThat(tiny.assistant().respond(state, "那要交钱吗").reply())
                .isNotInstanceOf(Reply.Answer.class);
        model.rewritesTo("补办社保卡要钱吗");

        // when
        Turn turn = assistant().respond(state, "那要交钱吗");

        // then
        assertThat(turn.trace().searchedText()).isEqualTo(understood("补办社保卡要钱吗"));
        assertThat(turn.reply()).isInstanceOf(Reply.Answer.class);
        assertThat(turn.reply().citations().get(0).id()).isEqualTo("faq-card-fee");
        assertThat(turn.next().lastQuestion()).contains(understood("补办社保卡要钱吗"));
        List<Map.Entry<String, String>> sent = ModelStub.messages(model.rewriteRequests().get(0));
        assertThat(sent.get(0).getKey()).isEqualTo("system");
        String user = sent.get(1).getValue();
        assertThat(user.substring(user.indexOf("<背景>"), user.indexOf("</背景>")))
                .contains("当前事项：社会保障卡补领", "上一个问题：" + understood("社保卡丢了怎么补办"));
        assertThat(user.substring(user.indexOf("<市民消息>"), user.indexOf("</市民消息>"))).contains("那要交钱吗");
    }

    @Test
    void personal_data_in_the_message_or_its_context_never_leaves_the_process() {
        // given: a phone number in the conversation's last question (a state kept before questions were stored
        // without personal data), an ID number in the follow-up
        DialogueState after = afterCardQuestion();
        DialogueState state = new DialogueState(after.topicServiceId(), after.topicTitle(),
                Optional.of("社保卡丢了怎么补办 13912345678"), after.unresolvedStreak(), after.offeredOptions());
        model.rewritesTo("补办社保卡要钱吗");

        // when
        assistant().respond(state, "那要交钱吗 身份证110101199001011234");

        // then: the rewrite request carries both, masked digit by digit as the nlp stage masks them
        assertThat(model.rewriteRequests()).singleElement().satisfies(r -> assertThat(r.body())
                .contains("那要交钱吗", "*".repeat(11), "*".repeat(18))
                .doesNotContain("13912345678", "110101199001011234"));
    }

    @Test
    void a_first_message_has_nothing_to_depend_on_and_is_not_sent_for_rewriting() {
        model.rewritesTo("护照怎么办");

        Turn turn = assistant().respond(DialogueState.initial(), "补办社保卡要钱吗");

        assertThat(model.rewriteRequests()).isEmpty();
        assertThat(turn.trace().searchedText()).isEqualTo(understood("补办社保卡要钱吗"));
    }

    @Test
    void a_rewrite_that_is_the_message_itself_leaves_the_resolvers_reading() {
        DialogueState state = afterCardQuestion();
        model.rewritesTo("那要交钱吗");

        Turn turn = assistant().respond(state, "那要交钱吗");

        assertThat(model.rewriteRequests()).hasSize(1);
        assertThat(turn.trace().searchedText()).isEqualTo(tiny.assistant().respond(state, "那要交钱吗")
                .trace().searchedText()).contains("社会保障卡补领");
    }

    @Test
    void a_failing_model_leaves_the_resolvers_reading() {
        DialogueState state = afterCardQuestion();
        model.respondsToAll(aResponse().withStatus(500));

        Turn turn = assistant().respond(state, "那要交钱吗");

        assertThat(turn.trace().searchedText()).isEqualTo(tiny.assistant().respond(state, "那要交钱吗")
                .trace().searchedText()).contains("社会保障卡补领");
        assertThat(turn.trace().followUp()).isTrue();
    }

    @Test
    void a_slow_model_leaves_the_resolvers_reading_at_the_rewrite_timeout() {
        DialogueState state = afterCardQuestion();
        model.rewritesTo("补办社保卡要钱吗", 6_000);

        long start = System.nanoTime();
        Turn turn = assistant().respond(state, "那要交钱吗");

        assertThat(turn.trace().searchedText()).contains("社会保障卡补领").isNotEqualTo("补办社保卡要钱吗");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void a_doubtful_rewrite_is_dropped() {
        DialogueState state = afterCardQuestion();

        assertThat(LlmQuestionRewriter.accepted("补办社保卡要钱吗\n另外我想问护照", "那要交钱吗", state)).isEmpty();
        assertThat(LlmQuestionRewriter.accepted("补办社保卡".repeat(20), "那要交钱吗", state)).isEmpty();
        assertThat(LlmQuestionRewriter.accepted("   ", "那要交钱吗", state)).isEmpty();
        assertThat(LlmQuestionRewriter.accepted("改写后的问题：“补办社保卡要钱吗？”", "那要交钱吗", state))
                .isEqualTo(Optional.of("补办社保卡要钱吗？"));
        assertThat(LlmQuestionRewriter.accepted("<think>\n背景是补卡。\n</think>\n补办社保卡要钱吗？", "那要交钱吗", state))
                .isEqualTo(Optional.of("补办社保卡要钱吗？"));
    }
}
