package org.civicassist.nlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Masking alone gives exactly what the whole understanding gives as {@link Understanding#masked()}. */
class MaskingTest {

    private static final TextUnderstander UNDERSTANDER = ChineseNlp.bundled().understander();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "我身份证110101199003077774的社保卡丢了 电话13812345678",
            "身份证１１０１０１１９９００３０７７７７４，手机138-1234-5678，邮箱a.b@qq.com",
            "身份证 11010119900307457X 的事没解决",
            "卡号 6222 0212 3456 7894 的社保卡怎么激活",
            "发到zhang.san_01@example.com.cn吧，或者邮箱ＬＩＳＩ＠ＱＱ．ＣＯＭ",
            "打 138 1234 5678 或 +86 13912345678 找我",
            "身份证号110101199003077777输错了",
            "打12345或0000-86128002，2026年3月1日",
            "我叫張偉，住在幸福路１８号３栋２单元５０１，座机0571-87654321",
            "本人王建国 家住李庄村三组12号 电话86128002",
            "我社宝卡上礼拜坐公交丢了 咋补 能当天拿到不",
            "你好",
    })
    void should_mask_as_the_whole_understanding_masks(String text) {
        assertThat(UNDERSTANDER.mask(text)).isEqualTo(UNDERSTANDER.understand(text).masked());
    }
}
