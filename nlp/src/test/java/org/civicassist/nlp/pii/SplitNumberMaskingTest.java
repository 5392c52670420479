package org.civicassist.nlp.pii;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.TextUnderstander;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A number typed across two messages, or grouped when it fails validation, is masked all the same: each message is
 * masked alone first, then the digits ending the previous message and those starting this one are judged together.
 */
class SplitNumberMaskingTest {

    private static final TextUnderstander NLP = ChineseNlp.bundled().understander();

    private PiiMasker.Continued send(String first, String second) {
        return NLP.maskContinuing(NLP.mask(first), NLP.mask(second));
    }

    @Test
    void an_id_number_sent_in_two_parts_is_masked_in_both() {
        PiiMasker.Continued m = send("我的身份证号是110101199003", "077774");
        assertThat(m.previous()).isEqualTo("我的身份证号是************");
        assertThat(m.current()).isEqualTo("******");
    }

    @Test
    void an_id_whose_first_part_was_already_masked_as_a_long_run_masks_the_rest() {
        PiiMasker.Continued m = send("身份证1101011990030777", "77 的那个");
        assertThat(m.previous()).doesNotContainPattern("[0-9]");
        assertThat(m.current()).isEqualTo("** 的那个");
    }

    @Test
    void a_mobile_sent_in_two_parts_is_masked_in_both() {
        PiiMasker.Continued m = send("电话 138 1234", "5678");
        assertThat(m.previous()).isEqualTo("电话 *** ****");
        assertThat(m.current()).isEqualTo("****");
    }

    @Test
    void full_width_parts_are_joined_too() {
        PiiMasker.Continued m = send("身份證１１０１０１１９９００３", "０７７７７４");
        assertThat(m.previous()).doesNotContainPattern("[0-9０-９]");
        assertThat(m.current()).doesNotContainPattern("[0-9０-９]");
    }

    @Test
    void numbers_that_join_into_nothing_personal_stay() {
        PiiMasker.Continued m = send("补办要20", "3天能好吗");
        assertThat(m.previous()).isEqualTo("补办要20");
        assertThat(m.current()).isEqualTo("3天能好吗");
        PiiMasker.Continued apart = send("电话13812345678", "谢谢");
        assertThat(apart.current()).isEqualTo("谢谢");
    }

    @Test
    void a_grouped_number_with_a_wrong_check_digit_is_masked_as_a_long_run() {
        assertThat(NLP.mask("身份证 110101 19900307 7777 输错了")).doesNotContainPattern("[0-9]");
        assertThat(NLP.mask("打12345或0000-86128002，2026年3月1日")).contains("12345", "2026");
    }
}
