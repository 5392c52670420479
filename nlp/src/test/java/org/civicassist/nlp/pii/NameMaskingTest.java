package org.civicassist.nlp.pii;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.civicassist.nlp.pii.Masking.kinds;
import static org.civicassist.nlp.pii.Masking.NLP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names a citizen introduces (我叫, 姓名, 我妈叫, and, where HanLP agrees, 我是 / 本人) become [姓名]; what follows
 * 我是 / 本人 that is no name (外地户口, 退休职工, 在江州上班, 江州人) is left exactly as typed. Last, every kind in one
 * message.
 */
class NameMaskingTest {

    // --- names ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我叫张三 | 我叫[姓名]",
            "我叫张伟，想办社保卡 | 我叫[姓名]，想办社保卡",
            "我叫李明在江州上班 | 我叫[姓名]在江州上班",
            "我叫李明办社保卡 | 我叫[姓名]办社保卡",
            "我叫李明明天去办 | 我叫[姓名]明天去办",
            "我叫王小明今年60岁 | 我叫[姓名]今年60岁",
            "我叫高明 | 我叫[姓名]",
            "名字叫欧阳娜娜 | 名字叫[姓名]",
            "姓名：赵敏 | 姓名：[姓名]",
            "我爸叫刘德华，今年80 | 我爸叫[姓名]，今年80",
            "我妈叫陈桂兰，她的社保卡丢了 | 我妈叫[姓名]，她的社保卡丢了",
            "联系人王芳 | 联系人[姓名]",
            "我是张伟 | 我是[姓名]",
            "我是李秀英，想问一下 | 我是[姓名]，想问一下",
            "我是张伟想问一下社保 | 我是[姓名]想问一下社保",
            "我是刘芳芳 | 我是[姓名]",
            "我是陈静的妈妈 | 我是[姓名]的妈妈",
            "本人王建国，身份证丢了 | 本人[姓名]，身份证丢了",
            "本人刘洋今年45岁 | 本人[姓名]今年45岁",
            "我叫張偉 | 我叫[姓名]",
    })
    void masks_a_name_the_citizen_introduces(String raw, String masked) {
        assertThat(NLP.mask(raw)).isEqualTo(masked);
        assertThat(kinds(raw)).containsExactly(PiiKind.NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "我是外地户口", "我是退休职工", "本人在江州上班", "我是高龄老人", "我是马上要毕业的学生", "我是黄埔区的",
            "我是张家港的", "我是万达小区的", "我是周末去办", "我是弄丢的", "我是王老师", "我是朱先生", "我是李女士",
            "我是独生子女", "我是江州人", "我是江州的", "我是江州市民", "我是个体户", "本人姓陈", "我是全职妈妈",
            "本人成年了", "我是高中生", "我是党员", "我是新来的", "我是石家庄户口", "我是于都人", "我是金华的",
            "姓名变更怎么办", "孩子叫什么名字可以改吗", "我是外国人 居留许可过期三天了", "我是安徽过来的 在江州打工七八年了",
            "我是个人 帮一家公司做了logo设计", "我是香港人在江州上班", "刷脸认证总是失败 说不是本人 我明明就是本人啊",
            "他本人也要去拍照吗", "我叫车过去"})
    void leaves_what_only_looks_like_an_introduction_alone(String text) {
        assertThat(NLP.mask(text)).isEqualTo(text);
        assertThat(kinds(text)).isEmpty();
    }

    // --- together ---

    @Test
    void masks_every_kind_in_one_message_and_keeps_the_question() {
        String raw = "我叫张伟，住幸福路18号3栋2单元501，座机0571-87654321，手机13812345678，社保卡丢了怎么补";
        assertThat(NLP.mask(raw))
                .isEqualTo("我叫[姓名]，住幸福路[地址]，座机****-********，手机***********，社保卡丢了怎么补");
        assertThat(kinds(raw)).containsExactly(PiiKind.NAME, PiiKind.ADDRESS, PiiKind.LANDLINE, PiiKind.MOBILE);
    }

    @Test
    void removes_names_and_addresses_from_what_is_searched() {
        var u = NLP.understand("我叫张伟 住在幸福路18号3栋 社保卡丢了怎么补");
        assertThat(u.masked()).isEqualTo("我叫[姓名] 住在幸福路[地址] 社保卡丢了怎么补");
        assertThat(u.retrievalText()).doesNotContain("张伟", "18号").contains("社保卡", "幸福路");
    }
}
