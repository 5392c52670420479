package org.civicassist.eval.run;

import org.civicassist.assistant.llm.LlmHooks;
import org.civicassist.assistant.pipeline.AnswerWriter;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.civicassist.kb.model.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up asks the KB's own texts, never more than it is told to. */
class WarmUpTest {

    private static Guide guide(String id, String title) {
        return new Guide(id, title, "社保", null, null, List.of(), null, null,
                List.of(new GuideSection("事项简介", title + "的简介。")));
    }

    private static final KnowledgeBase KB = new KnowledgeBase(
            List.of(guide("guide-card", "社会保障卡挂失与补换"), guide("guide-pension", "养老金领取")),
            List.of(new Faq("faq-lost", "社保", "社保卡丢了怎么补办？", List.of("社保卡被偷了"), "先挂失再补卡。",
                    "guide-card")));

    @Test
    void asks_the_faq_questions_first_then_the_guide_titles_up_to_the_limit() {
        assertThat(WarmUp.texts(KB, 10)).containsExactly("社保卡丢了怎么补办？", "社会保障卡挂失与补换", "养老金领取");
        assertThat(WarmUp.texts(KB, 2)).containsExactly("社保卡丢了怎么补办？", "社会保障卡挂失与补换");
        assertThat(WarmUp.texts(KB, 0)).isEmpty();
    }

    @Test
    void asks_each_text_in_a_conversation_of_its_own() {
        List<List<String>> conversations = new ArrayList<>();
        Respondent recording = new Respondent() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public Conversation open() {
                List<String> said = new ArrayList<>();
                conversations.add(said);
                return text -> {
                    said.add(text);
                    return new Outcome("answer", List.of(), 1.0, List.of(), 0, null);
                };
            }
        };

        assertThat(WarmUp.run(recording, KB, 2)).isEqualTo(2);
        assertThat(conversations).containsExactly(List.of("社保卡丢了怎么补办？"), List.of("社会保障卡挂失与补换"));
    }

    @Test
    void only_a_run_in_process_without_a_language_model_warms_up() {
        Path q = Path.of("questions.jsonl");
        Path store = Path.of("store");
        var inProcess = new EvaluationRunner.Spec("dev", "bundled", q, null, Optional.empty(), store, false);
        var overHttp = new EvaluationRunner.Spec("dev", "bundled", q, null,
                Optional.of(URI.create("http://localhost:8080")), store, false);
        var withModel = new EvaluationRunner.Spec("dev", "bundled", q, null, Optional.empty(), store, false,
                new LlmHooks((message, context) -> Optional.of(message), AnswerWriter.EXTRACTIVE, Optional.empty()),
                "a model");

        assertThat(EvaluationRunner.warmsUp(inProcess)).isTrue();
        assertThat(EvaluationRunner.warmsUp(overHttp)).isFalse();
        assertThat(EvaluationRunner.warmsUp(withModel)).isFalse();
    }
}
