package org.civicassist.assistant.llm;

import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The output format of a written answer: text, then one line citing passages; anything else is rejected. */
class DraftTest {

    static final Citation FEE = new Citation("faq-fee", "补办社保卡要钱吗？", null, null);
    static final Citation TIME = new Citation("guide-card", "社会保障卡补领", "办理时限", "https://example.gov.cn/card");
    static final List<Source> SOURCES = List.of(
            new Source(1, "faq-fee", "补办社保卡要钱吗？", "问：补办社保卡要钱吗？\n答：遗失补卡工本费 20 元。", FEE),
            new Source(2, "guide-card#办理时限", "社会保障卡补领 · 办理时限", "网上申请 10 个工作日内寄出。", TIME));
    static final Reply.Answer EXTRACTIVE = new Reply.Answer("【社会保障卡补领】\n遗失补卡工本费 20 元。", List.of(FEE, 
            new Citation("guide-card", "社会保障卡补领", null, null)), 0.9, List.of("社保卡丢了怎么补办？"));

    static Reply.Answer finish(String output, List<String> shown) {
        Draft draft = new Draft(SOURCES, shown::add);
        draft.accept(output);
        return draft.finish(EXTRACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"引用: 1, 2", "引用：1、2", "引用: [1][2]", "引用: 资料1, 资料2", "来源: 1,2",
            "引用: faq-fee, guide-card#办理时限", "引用：【1】，【2】"})
    void accepts_the_citation_line_in_its_usual_spellings(String line) {
        Reply.Answer answer = finish("工本费20元，网上申请10个工作日寄出。\n" + line, new ArrayList<>());

        assertThat(answer.citations()).extracting(Citation::key)
                .containsExactly("faq-fee", "guide-card#办理时限", "guide-card");
        assertThat(answer.text()).isEqualTo("工本费20元，网上申请10个工作日寄出。");
        assertThat(answer.confidence()).isEqualTo(0.9);
        assertThat(answer.suggestions()).isEqualTo(EXTRACTIVE.suggestions());
    }

    @Test
    void the_chosen_item_stays_first_whatever_order_the_model_cites_in() {
        assertThat(finish("工本费20元。\n引用: 2, 1", new ArrayList<>()).citations().get(0)).isEqualTo(FEE);
    }

    @Test
    void what_is_shown_is_the_text__without_inline_marks_or_blank_edges() {
        List<String> shown = new ArrayList<>();

        Reply.Answer answer = finish("\n工本费20元[1]。\n\n网上申请10个工作日寄出【2】。\n\n引用: 1, 2\n", shown);

        assertThat(shown).containsExactly("工本费20元。", "\n\n网上申请10个工作日寄出。");
        assertThat(answer.text()).isEqualTo(String.join("", shown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "工本费20元。",                          // no citation line
            "工本费20元。\n引用:",                    // cites nothing
            "工本费20元。\n引用: 3",                   // not retrieved
            "工本费20元。\n引用: faq-other",           // not retrieved
            "网上申请10个工作日寄出。\n引用: 2",          // not the chosen item
            "网上申请10个工作日寄出。\n引用: 1",          // a fact not in the cited passage
            "工本费20元。\n引用: 1\n另外还要交10元。",      // text after the citation line
            "无法回答",
            "\n引用: 1"})
    void rejects(String output) {
        assertThatThrownBy(() -> finish(output, new ArrayList<>())).isInstanceOf(Draft.Rejected.class);
    }

    @Test
    void a_reasoning_block_before_the_answer_is_never_shown__even_when_it_arrives_in_pieces() {
        List<String> shown = new ArrayList<>();
        Draft draft = new Draft(SOURCES, shown::add);

        for (String token : List.of("\n<thi", "nk>\n用户问费用，资料说50元？不对。\n</th", "ink>\n\n工本费20元。", "\n引用: 1")) {
            draft.accept(token);
        }

        assertThat(draft.finish(EXTRACTIVE).text()).isEqualTo("工本费20元。");
        assertThat(shown).containsExactly("工本费20元。");
    }

    @Test
    void text_that_merely_starts_like_a_tag_is_kept() {
        assertThat(finish("<t>工本费20元。\n引用: 1", new ArrayList<>()).text()).isEqualTo("<t>工本费20元。");
    }

    @Test
    void stops_showing_at_the_first_sentence_with_a_fact_from_nowhere() {
        List<String> shown = new ArrayList<>();
        Draft draft = new Draft(SOURCES, shown::add);

        draft.accept("先挂失再补领。工本费");
        assertThatThrownBy(() -> draft.accept("50元。其余")).isInstanceOf(Draft.Rejected.class);

        assertThat(shown).containsExactly("先挂失再补领。");
    }

    @Test
    void a_rejection_counts_the_unsupported_facts_and_never_quotes_them__its_reason_is_logged() {
        Draft draft = new Draft(SOURCES, text -> { });

        // a model echoing the citizen's phone number as if it were the office's
        assertThatThrownBy(() -> draft.accept("请拨打13812345678咨询。"))
                .isInstanceOf(Draft.Rejected.class)
                .hasMessageContaining("1")
                .hasMessageNotContaining("13812345678");
    }
}
