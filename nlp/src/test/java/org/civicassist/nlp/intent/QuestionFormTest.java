package org.civicassist.nlp.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionFormTest {

    @ParameterizedTest
    @ValueSource(strings = {"驾照换证要体检吗", "去哪里补办", "能不能网上交", "断缴了能补几个月", "能报不", "罚款交了没",
            "营业执照办好了没。", "请帮我查一下", "我想换个身份证", "这个怎么弄？"})
    void a_question_or_a_request_asks(String text) {
        assertThat(QuestionForm.asks(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我在外地上班 社保一直在江州交", "我妈七十多了 走路不利索", "孩子下个月出生",
            "我是外地户口", "房子还没过户 钱也没给"})
    void telling_a_situation_asks_nothing(String text) {
        assertThat(QuestionForm.asks(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"养老金每个月几号到", "江州办怎么实名认证", "能网上办吗", "是不是要本人去"})
    void a_question_questions(String text) {
        assertThat(QuestionForm.questions(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我想离婚", "我要办护照", "请帮我转人工", "需要开个证明"})
    void a_request_asks_without_questioning(String text) {
        assertThat(QuestionForm.asks(text)).as(text).isTrue();
        assertThat(QuestionForm.questions(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我证快到期了", "孩子下个月出生", "去年换了两次工作", "怀孕两个多月了", "老公在工地打零工",
            "房子还没过户 钱也没给", "在外地上班", "刚辞职"})
    void telling_a_situation_has_the_grammar_of_telling(String text) {
        assertThat(QuestionForm.tells(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"开收入证明", "电车上牌", "补学位证", "办老年卡", "注销公司"})
    void naming_what_one_wants_has_not(String text) {
        assertThat(QuestionForm.tells(text)).as(text).isFalse();
    }
}
