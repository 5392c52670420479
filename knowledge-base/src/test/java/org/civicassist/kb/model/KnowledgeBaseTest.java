package org.civicassist.kb.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseTest {

    private final KnowledgeBase kb = new KnowledgeBase(
            List.of(new Guide("guide-marriage", "内地居民结婚登记", "婚育", null, null, List.of(), null, null,
                    List.of(new GuideSection("申请材料", "双方的居民身份证、户口簿。")))),
            List.of(new Faq("faq-1", "婚育", "结婚登记收费吗？", List.of(), "不收取工本费。", "guide-marriage"),
                    new Faq("faq-2", "交管", "上牌要交多少钱？", List.of(), "号牌100元。", null)));

    @Test
    void a_service_mentions_what_its_guide_sections_and_its_faqs_say() {
        assertThat(kb.serviceMentions("guide-marriage", "户口簿")).isTrue();
        assertThat(kb.serviceMentions("guide-marriage", "工本费")).isTrue();
        assertThat(kb.serviceMentions("guide-marriage", "结婚登记")).isTrue();
        assertThat(kb.serviceMentions("guide-marriage", "号牌")).isFalse();
    }

    @Test
    void a_faq_without_a_guide_is_a_service_of_its_own() {
        assertThat(kb.serviceMentions("faq-2", "号牌")).isTrue();
        assertThat(kb.serviceMentions("faq-2", "户口簿")).isFalse();
        assertThat(kb.serviceMentions("no-such-service", "户口簿")).isFalse();
    }
}
