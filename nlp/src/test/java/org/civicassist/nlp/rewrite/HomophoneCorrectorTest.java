package org.civicassist.nlp.rewrite;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.Understanding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Homophone typos of domain terms are corrected; real words, numerals and correct terms never are. */
class HomophoneCorrectorTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();

    private static String corrected(String text) {
        var normalized = NLP.normalizer().normalizeToString(text);
        var corrections = NLP.homophoneCorrector().correct(normalized, NLP.segmenter().segment(normalized));
        return Correction.apply(normalized, corrections);
    }

    @ParameterizedTest
    @CsvSource({
            "现在交社宝要去哪交, 现在交社保要去哪交",
            "我社宝卡丢了, 我社保卡丢了",
            "公机金一个月扣多少, 公积金一个月扣多少",
            "社会宝障卡怎么补, 社会保障卡怎么补",
            "换本新护招要多少钱, 换本新护照要多少钱",
            "架驶证到期了, 驾驶证到期了",
            "租房提曲要什么材料, 租房提取要什么材料",
            "申请创业补帖, 申请创业补贴",
            "个题户怎么注销, 个体户怎么注销",
    })
    void should_correct_a_homophone_typo_to_the_dictionary_term(String typed, String expected) {
        assertThat(corrected(typed)).isEqualTo(expected);
    }

    /** The must-not-correct list: real words, numerals, function words and correctly typed terms. */
    @ParameterizedTest
    @ValueSource(strings = {
            "上礼拜去一院看的病",          // 一院 (a hospital) is not 医院
            "能在这边交医保吗",            // 医保吗 is not 医保码
            "买一包烟多少钱",              // 一包 is not 医保
            "手被门夹了虎口疼",            // 虎口 is a word, not 户口
            "我要办居住证明",              // a correct term plus a real word
            "这个事业单位的社保怎么交",
            "保障房怎么申请",
            "时间来不及了",
            "我的工资卡丢了",
            "公鸡下蛋了吗",
            "要准备些啥资料",             // 啥资 is not 啥子: colloquial words are no correction targets
            "技术工人的补贴",
            "户口本丢了怎么办",
            "水务局在哪",                  // a department of its own, not 税务局
            "房子是1989年建成的",           // 年建 cuts 建成; after a number comes a unit
            "2019年申请的公租房",
            "开学季过了还能转学吗",          // 学季 cuts 开学
            "一直在家照顾孩子",             // 家照 is not 驾照
            "取号排队要多久",               // 号排 is not 号牌
            "公积金怎么开户扣款",           // 户扣 is not 户口
            "要回老家开准迁证吗",           // 准迁证 is a document, not 签证
    })
    void should_not_correct_real_words(String text) {
        String normalized = NLP.normalizer().normalizeToString(text);
        assertThat(corrected(text)).isEqualTo(normalized);
    }

    @Test
    void should_note_each_correction_in_the_understanding() {
        Understanding u = NLP.understander().understand("公机金咋提取");
        assertThat(u.corrections()).contains("公机金→公积金", "咋→怎么");
        assertThat(u.retrievalText()).isEqualTo("公积金怎么提取");
        assertThat(u.domainTerms()).contains("公积金");
    }

    @Test
    void should_leave_text_without_any_typo_untouched() {
        Understanding u = NLP.understander().understand("公积金怎么提取");
        assertThat(u.corrections()).isEmpty();
        assertThat(u.retrievalText()).isEqualTo("公积金怎么提取");
    }
}
