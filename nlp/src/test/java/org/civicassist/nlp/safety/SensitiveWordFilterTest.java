package org.civicassist.nlp.safety;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.intent.Signal;
import org.civicassist.nlp.segment.HanLpSegmenter;
import org.civicassist.nlp.segment.Segmenter;
import org.civicassist.nlp.segment.TermDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveWordFilterTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();

    private static List<String> found(SensitiveWordFilter filter, Segmenter segmenter, String text) {
        return filter.find(text, segmenter.segment(text)).stream().map(SensitiveWordFilter.Hit::word).toList();
    }

    @Test
    void should_find_a_listed_word_standing_as_words_of_its_own() {
        SensitiveWordFilter filter = new SensitiveWordFilter(Set.of("傻逼", "测试"));
        Segmenter segmenter = HanLpSegmenter.withBundledDictionary();
        assertThat(found(filter, segmenter, "你们这些傻逼")).containsExactly("傻逼");
        assertThat(found(filter, segmenter, "明天要测试")).containsExactly("测试");
    }

    @Test
    void should_not_find_a_listed_word_straddling_two_words() {
        // 考试测试 segments as 考试/测试: 试测 crosses the boundary
        SensitiveWordFilter filter = new SensitiveWordFilter(Set.of("试测"));
        assertThat(found(filter, HanLpSegmenter.withBundledDictionary(), "考试测试")).isEmpty();
    }

    @Test
    void should_not_find_a_listed_word_inside_a_longer_word() {
        SensitiveWordFilter filter = new SensitiveWordFilter(Set.of("测试", "操", "日"));
        Segmenter withTerm = new HanLpSegmenter(new TermDictionary(List.of("考试测试")));
        assertThat(found(filter, withTerm, "考试测试在哪报名")).isEmpty();
        assertThat(found(filter, withTerm, "操作流程")).isEmpty();
        assertThat(found(filter, withTerm, "日期和日本签证")).isEmpty();
    }

    @Test
    void should_find_nothing_with_an_empty_list() {
        assertThat(new SensitiveWordFilter(Set.of()).find("傻逼", List.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"你们都是傻逼", "傻逼机器人", "什么破系统 操你妈", "去你妈的", "CNM 什么玩意",
            "你他妈能不能好好回答", "滚犊子"})
    void should_flag_abusive_messages(String text) {
        assertThat(NLP.understander().understand(text).has(Signal.ABUSIVE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"社保卡操作流程是什么", "他妈妈的退休金怎么领", "帮他妈的社保卡挂失", "USB接口的读卡器能用吗",
            "我sb卡丢了", "日本签证怎么办", "体操运动员的补贴", "傻瓜相机能拍证件照吗", "我在白沙比较远"})
    void should_not_flag_ordinary_questions(String text) {
        assertThat(NLP.understander().understand(text).has(Signal.ABUSIVE)).isFalse();
    }
}
