package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.Reply;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.Features;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComposerTest {

    static final Guide CARD = new Guide("guide-card", "社会保障卡挂失与补换", "社保", null, null, List.of(), null, null,
            List.of(new GuideSection("办理流程", "1. 正式挂失：江州办 App → 社保 → 社保卡挂失，人脸识别后即时生效；\n2. 到网点补卡。"),
                    new GuideSection("办理时限", "现场补换约 15 分钟。")));
    static final Faq LOST = new Faq("faq-lost", "社保", "社保卡丢了怎么补办？", List.of(), "先挂失再补卡，带身份证到网点。",
            "guide-card");
    static final Faq FEE = new Faq("faq-fee", "社保", "补卡要钱吗？", List.of(), "工本费 20 元。", "guide-card");
    static final KnowledgeBase KB = new KnowledgeBase(List.of(CARD), List.of(LOST, FEE));

    private final Composer composer = new Composer();

    @Test
    void an_answer_from_a_faq_cites_it_then_its_guide__adds_the_online_path_and_related_questions() {
        Passage p = new Passage("faq-lost", PassageKind.FAQ, "faq-lost", null, "guide-card", CARD.title(), "社保",
                List.of(LOST.question()), LOST.answer(), null);

        Reply r = composer.answer(KB, new Candidate(p, new Features(), 3), 0.9);

        assertThat(r.text()).startsWith("【社会保障卡挂失与补换】\n先挂失再补卡")
                .contains("网上办理：江州办 App → 社保 → 社保卡挂失")
                .contains("完整办事指南：社会保障卡挂失与补换");
        assertThat(r.citations()).extracting(c -> c.key()).containsExactly("faq-lost", "guide-card");
        assertThat(r.citations().get(0).url()).isEqualTo("/guides/guide-card");
        assertThat(r.suggestions()).containsExactly("补卡要钱吗？");
    }

    @Test
    void an_answer_from_a_section_gives_the_whole_section_and_no_online_path_when_it_already_has_one() {
        Passage p = new Passage("guide-card#办理流程#0", PassageKind.SECTION, "guide-card", "办理流程", "guide-card",
                CARD.title(), "社保", List.of(), "1. 正式挂失", null);

        Reply r = composer.answer(KB, new Candidate(p, new Features(), 3), 0.9);

        assertThat(r.text()).contains("【社会保障卡挂失与补换 · 办理流程】", "2. 到网点补卡。").doesNotContain("网上办理：");
        assertThat(r.citations().get(0).key()).isEqualTo("guide-card#办理流程");
    }

    @Test
    void reads_no_online_path_from_a_guide_without_a_menu_path() {
        Guide plain = new Guide("g", "标题", "社保", null, null, List.of(), null, "https://gov.example/g",
                List.of(new GuideSection("办理流程", "到窗口办理。")));
        assertThat(Composer.onlinePath(plain)).isEmpty();
        assertThat(Composer.guideLink(plain)).isEqualTo("https://gov.example/g");
    }

    @Test
    void a_service_card_gives_the_introduction_and_online_route_and_offers_the_guides_elements() {
        Guide guide = new Guide("guide-card", "社会保障卡挂失与补换", "社保", null, null, List.of(), null, null,
                List.of(new GuideSection("事项简介", "社保卡遗失的，先挂失再补卡。\n\n第二段不进卡片。"),
                        new GuideSection("办理流程", "江州办 App → 社保 → 社保卡挂失"),
                        new GuideSection("办理时限", "现场补换约 15 分钟。"),
                        new GuideSection("咨询电话", "0000-1234")));

        Reply r = composer.serviceCard(KB, guide, 0.9);

        assertThat(r.type().wireName()).isEqualTo("answer");
        assertThat(r.text()).startsWith("【社会保障卡挂失与补换】\n社保卡遗失的，先挂失再补卡。")
                .doesNotContain("第二段").contains("网上办理：江州办 App → 社保 → 社保卡挂失");
        assertThat(r.citations().get(0).key()).isEqualTo("guide-card#事项简介");
        // the elements the guide has, in the order citizens ask for them; no contact section on the card
        assertThat(r.suggestions()).containsExactly("办理流程", "办理时限");
        assertThat(r.options()).extracting(o -> o.key())
                .containsExactly("guide-card#办理流程", "guide-card#办理时限");
    }

    /** The fee FAQ of the card service, as a candidate. */
    private static Candidate feeFaq() {
        Passage p = new Passage("faq-fee", PassageKind.FAQ, "faq-fee", null, "guide-card", CARD.title(), "社保",
                List.of(FEE.question()), FEE.answer(), null);
        return new Candidate(p, new Features(), 1);
    }

    @Test
    void nothing_found_offers_the_nearest_items__then_a_person__and_names_the_hotline() {
        Reply r = composer.notFound(composer.options(KB, List.of(feeFaq())), 0.1,
                Decision.Beyond.NOTHING_SURE);

        assertThat(r.type().wireName()).isEqualTo("clarify");
        assertThat(r.text()).contains("12345");
        assertThat(r.suggestions()).containsExactly("补卡要钱吗？", "转人工");
        assertThat(r.options()).extracting(o -> o.id()).containsExactly("faq-fee");
    }

    @Test
    void a_question_about_another_city_is_told_to_ask_there() {
        Reply r = composer.notFound(composer.options(KB, List.of()), 0.1, Decision.Beyond.OTHER_CITY);

        assertThat(r.text()).contains("本市", "其他城市", "12345");
        assertThat(r.suggestions()).containsExactly("转人工");
        assertThat(r.options()).isEmpty();
    }

    @Test
    void a_request_for_the_citizens_own_records_says_where_to_look__with_the_nearest_items() {
        Reply r = composer.notFound(composer.options(KB, List.of(feeFaq())), 0.9,
                Decision.Beyond.OWN_RECORD);

        assertThat(r.type().wireName()).isEqualTo("clarify");
        assertThat(r.text()).contains("看不到您本人的", "App", "12345").doesNotContain("其他城市");
        assertThat(r.suggestions()).containsExactly("补卡要钱吗？", "转人工");
    }
}
