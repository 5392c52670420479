package org.civicassist.eval.score;

import org.civicassist.eval.question.Dialogue;
import org.civicassist.eval.question.Question;
import org.civicassist.eval.question.Question.Kind;
import org.civicassist.eval.respond.Click;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Outcome.Cited;
import org.civicassist.eval.respond.Outcome.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of ../shared/eval/README.md on hand-made replies. */
class ScorerTest {

    static final Map<String, String> DOMAINS = Map.of("faq-card-1", "社保", "guide-card", "社保", "faq-gjj-1", "公积金");
    final Scorer scorer = new Scorer(DOMAINS::get);

    static Question answerable(String... expect) {
        return new Question("q1", Kind.ANSWERABLE, List.of("社保卡丢了怎么补"), List.of(expect), List.of());
    }

    static Outcome reply(String type, Cited... citations) {
        return new Outcome(type, List.of(citations), 0.8, List.of(), 1_000_000, null);
    }

    static Outcome ranked(Cited... ranking) {
        return new Outcome("answer", List.of(ranking[0]), 0.8, List.of(ranking), 1_000_000, null);
    }

    @Nested
    class Answerable {
        @Test
        void is_resolved_by_an_answer_whose_first_citation_is_an_expected_faq() {
            QuestionResult r = scorer.score(answerable("faq-card-1"), reply("answer", new Cited("faq-card-1", null)));
            assertThat(r.resolved()).isTrue();
            assertThat(r.wrongAnswer()).isFalse();
            assertThat(r.domain()).isEqualTo("社保");
        }

        @Test
        void a_guide_given_without_section_is_answered_by_any_of_its_sections() {
            QuestionResult r = scorer.score(answerable("guide-card"), reply("answer", new Cited("guide-card", "办理时限")));
            assertThat(r.resolved()).isTrue();
        }

        @Test
        void a_guide_section_is_answered_by_that_section_only() {
            Question q = answerable("guide-card#办理时限");
            assertThat(scorer.score(q, reply("answer", new Cited("guide-card", "办理时限"))).resolved()).isTrue();
            assertThat(scorer.score(q, reply("answer", new Cited("guide-card", "申请材料"))).resolved()).isFalse();
            assertThat(scorer.score(q, reply("answer", new Cited("guide-card", null))).resolved()).isFalse();
        }

        @Test
        void only_the_first_citation_counts() {
            QuestionResult r = scorer.score(answerable("faq-card-1"),
                    reply("answer", new Cited("faq-gjj-1", null), new Cited("faq-card-1", null)));
            assertThat(r.resolved()).isFalse();
            assertThat(r.wrongAnswer()).isTrue();
        }

        @Test
        void a_clarify_or_handoff_is_neither_resolved_nor_a_wrong_answer() {
            for (String type : List.of("clarify", "handoff", "refuse")) {
                QuestionResult r = scorer.score(answerable("faq-card-1"), reply(type));
                assertThat(r.resolved()).as(type).isFalse();
                assertThat(r.wrongAnswer()).as(type).isFalse();
            }
        }

        @Test
        void the_rank_of_the_first_expected_item_is_read_from_the_retrieval_ranking() {
            QuestionResult r = scorer.score(answerable("guide-card#办理时限", "faq-card-1"),
                    ranked(new Cited("faq-gjj-1", null), new Cited("guide-card", "申请材料"),
                            new Cited("faq-card-1", null)));
            assertThat(r.firstMatchRank()).isEqualTo(3);
        }
    }

    @Nested
    class OutOfScope {
        final Question q = new Question("q2", Kind.OUT_OF_SCOPE, List.of("上海的低保标准是多少"), List.of(),
                List.of("faq-gjj-1"));

        @Test
        void is_handled_by_anything_but_an_answer() {
            assertThat(scorer.score(q, reply("handoff")).handled()).isTrue();
            assertThat(scorer.score(q, reply("clarify")).handled()).isTrue();
        }

        @Test
        void an_answer_is_wrong_unless_its_first_citation_is_accepted() {
            QuestionResult wrong = scorer.score(q, reply("answer", new Cited("faq-card-1", null)));
            assertThat(wrong.handled()).isFalse();
            assertThat(wrong.wrongAnswer()).isTrue();
            QuestionResult accepted = scorer.score(q, reply("answer", new Cited("faq-gjj-1", null)));
            assertThat(accepted.handled()).isTrue();
            assertThat(accepted.wrongAnswer()).isFalse();
            assertThat(accepted.domain()).isEqualTo("out_of_scope");
        }
    }

    @Nested
    class Human {
        final Question q = new Question("q3", Kind.HUMAN, List.of("转人工"), List.of(), List.of());

        @Test
        void is_handled_only_by_a_handoff() {
            assertThat(scorer.score(q, reply("handoff")).handled()).isTrue();
            assertThat(scorer.score(q, reply("clarify")).handled()).isFalse();
            assertThat(scorer.score(q, reply("answer", new Cited("faq-card-1", null))).wrongAnswer()).isTrue();
        }
    }

    @Nested
    class WithinOneClick {
        static Outcome clarify(Option... options) {
            return new Outcome("clarify", List.of(), 0.4, List.of(), 1_000_000, null, List.of(options));
        }

        static Option option(String id, String section) {
            return new Option(new Cited(id, section), "选项 " + id + (section == null ? "" : " " + section));
        }

        QuestionResult clickAndScore(Question q, Outcome judged, Outcome afterClick) {
            Option chosen = scorer.optionToClick(q, judged).orElseThrow();
            return scorer.score(q, judged, new Click(chosen, afterClick));
        }

        @Test
        void a_clarify_offering_an_expected_item_that_is_then_answered_with_it_counts() {
            Question q = answerable("faq-card-1");
            Outcome judged = clarify(option("faq-gjj-1", null), option("faq-card-1", null));

            QuestionResult r = clickAndScore(q, judged, reply("answer", new Cited("faq-card-1", null)));

            assertThat(r.click().option().item().id()).isEqualTo("faq-card-1");
            assertThat(r.resolved()).isFalse();
            assertThat(r.resolvedWithinOneClick()).isTrue();
        }

        @Test
        void an_expected_option_answered_with_another_item_does_not_count() {
            Question q = answerable("faq-card-1");
            Outcome judged = clarify(option("faq-card-1", null));

            QuestionResult r = clickAndScore(q, judged, reply("answer", new Cited("faq-gjj-1", null)));

            assertThat(r.resolvedWithinOneClick()).isFalse();
        }

        @Test
        void an_option_naming_the_guide_of_an_expected_section_counts() {
            Question q = answerable("guide-card#办理时限");
            Outcome judged = clarify(option("faq-gjj-1", null), option("guide-card", null));

            assertThat(scorer.optionToClick(q, judged)).map(o -> o.item().id()).contains("guide-card");
            QuestionResult r = clickAndScore(q, judged, reply("answer", new Cited("guide-card", "办理时限")));
            assertThat(r.resolvedWithinOneClick()).isTrue();
        }

        @Test
        void an_option_naming_another_section_of_the_guide_is_not_offered() {
            Question q = answerable("guide-card#办理时限");
            assertThat(scorer.optionToClick(q, clarify(option("guide-card", "申请材料")))).isEmpty();
        }

        @Test
        void only_the_first_five_options_are_read() {
            Question q = answerable("faq-card-1");
            Outcome judged = clarify(option("a", null), option("b", null), option("c", null), option("d", null),
                    option("e", null), option("faq-card-1", null));
            assertThat(scorer.optionToClick(q, judged)).isEmpty();
            QuestionResult r = scorer.score(q, judged, new Click(judged.options().get(5),
                    reply("answer", new Cited("faq-card-1", null))));
            assertThat(r.resolvedWithinOneClick()).isFalse();
        }

        @Test
        void options_of_an_answer_are_no_clarify_and_nothing_is_clicked() {
            Question q = answerable("faq-card-1");
            Outcome serviceCard = new Outcome("answer", List.of(new Cited("guide-card", null)), 0.9, List.of(),
                    1_000_000, null, List.of(option("faq-card-1", null)));
            assertThat(scorer.optionToClick(q, serviceCard)).isEmpty();
        }

        @Test
        void a_resolved_question_is_resolved_within_one_click_and_a_clarify_counts_in_the_clarify_rate() {
            Question q = answerable("faq-card-1");
            List<QuestionResult> results = List.of(
                    scorer.score(q, reply("answer", new Cited("faq-card-1", null))),
                    clickAndScore(q, clarify(option("faq-card-1", null)), reply("answer", new Cited("faq-card-1", null))),
                    scorer.score(q, clarify(option("faq-gjj-1", null))),
                    scorer.score(q, reply("handoff")));

            Metrics m = Metrics.of(results);

            assertThat(results.get(0).resolvedWithinOneClick()).isTrue();
            assertThat(m.resolution()).isEqualTo(0.25);
            assertThat(m.resolvedWithinOneClick()).isEqualTo(0.5);
            assertThat(m.clarifyRate()).isEqualTo(0.5);
            assertThat(m.counts()).containsEntry("resolved_within_one_click", 2);
        }
    }

    @Nested
    class Dialogues {
        final Dialogue dialogue = new Dialogue("d1", List.of(
                new Dialogue.Turn("我社保卡找不到了", List.of(), true),
                new Dialogue.Turn("怎么补", List.of("faq-card-1"), false),
                new Dialogue.Turn("谢谢", List.of(), true)));

        DialogueResult judged(Outcome... replies) {
            List<QuestionResult> turns = new java.util.ArrayList<>();
            for (int i = 0; i < replies.length; i++) {
                turns.add(scorer.score(dialogue.judgedAt(i), replies[i]));
            }
            return new DialogueResult(dialogue, turns);
        }

        @Test
        void each_turn_is_judged_with_the_turns_before_it_as_context() {
            Question second = dialogue.judgedAt(1);
            assertThat(second.id()).isEqualTo("d1#2");
            assertThat(second.turns()).containsExactly("我社保卡找不到了", "怎么补");
            assertThat(second.kind()).isEqualTo(Kind.ANSWERABLE);
            assertThat(dialogue.judgedAt(0).kind()).isEqualTo(Kind.CONTEXT);
        }

        @Test
        void a_context_turn_handed_off_is_not_kept_and_the_dialogue_is_not_resolved() {
            DialogueResult r = judged(reply("handoff"), reply("answer", new Cited("faq-card-1", null)),
                    reply("clarify"));

            assertThat(r.turns().get(0).handled()).isFalse();
            assertThat(r.turns().get(1).resolved()).isTrue();
            assertThat(r.resolved()).isFalse();
            DialogueMetrics m = DialogueMetrics.of(List.of(r));
            assertThat(m.contextTurnsKept()).isEqualTo(0.5);
            assertThat(m.turnResolution()).isEqualTo(1.0);
            assertThat(m.dialoguesResolved()).isEqualTo(0.0);
        }

        @Test
        void a_dialogue_is_resolved_when_every_question_turn_is_resolved_and_every_context_turn_kept() {
            DialogueResult r = judged(reply("clarify"), reply("answer", new Cited("faq-card-1", null)),
                    reply("refuse"));
            assertThat(r.resolved()).isTrue();
            assertThat(DialogueMetrics.of(List.of(r)).dialoguesResolved()).isEqualTo(1.0);
        }

        @Test
        void an_answered_context_turn_is_kept_but_counts_as_a_wrong_answer() {
            DialogueResult r = judged(reply("answer", new Cited("faq-card-1", null)),
                    reply("answer", new Cited("faq-gjj-1", null)), reply("clarify"));

            assertThat(r.turns().get(0).handled()).isTrue();
            assertThat(r.turns().get(0).wrongAnswer()).isTrue();
            DialogueMetrics m = DialogueMetrics.of(List.of(r));
            assertThat(m.wrongAnswerRate()).isEqualTo(1.0);
            assertThat(m.turnResolution()).isEqualTo(0.0);
            assertThat(m.counts()).containsEntry("context_answered", 1).containsEntry("wrong_answers", 2)
                    .containsEntry("question_turns", 1).containsEntry("context_turns", 2);
            assertThat(m.figures()).containsOnlyKeys(DialogueMetrics.KEYS);
        }
    }

    @Test
    void metrics_follow_the_rules__multi_turn_judged_on_its_last_turn() {
        Question single = answerable("faq-card-1");
        Question multi = new Question("m", Kind.ANSWERABLE, List.of("想办社保卡", "那要多久"),
                List.of("guide-card#办理时限"), List.of());
        Question oos = new Question("o", Kind.OUT_OF_SCOPE, List.of("今天下雨吗"), List.of(), List.of());
        List<QuestionResult> results = List.of(
                scorer.score(single, ranked(new Cited("faq-card-1", null))),
                scorer.score(multi, ranked(new Cited("faq-gjj-1", null), new Cited("guide-card", "办理时限"))),
                scorer.score(oos, reply("answer", new Cited("faq-gjj-1", null))));

        Metrics m = Metrics.of(results);

        assertThat(m.resolution()).isEqualTo(0.5);
        assertThat(m.multiTurnResolution()).isEqualTo(0.0);
        assertThat(m.recallAt1()).isEqualTo(0.5);
        assertThat(m.recallAt5()).isEqualTo(1.0);
        assertThat(m.mrr()).isEqualTo(0.75);
        assertThat(m.wrongAnswerRate()).isEqualTo(2 / 3.0);
        assertThat(m.oosNotAnswered()).isEqualTo(0.0);
        assertThat(m.humanHandoff()).isNull();
        assertThat(m.counts()).containsEntry("answerable", 2).containsEntry("wrong_answers", 2);
    }
}
