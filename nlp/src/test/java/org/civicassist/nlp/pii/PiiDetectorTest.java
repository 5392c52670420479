package org.civicassist.nlp.pii;

import org.civicassist.nlp.normalize.NormalizedText;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PiiDetectorTest {

    private final PiiDetector detector = new PiiDetector();
    private final TextNormalizer normalizer = new TextNormalizer();

    private List<PiiKind> kinds(String text) {
        return detector.find(normalizer.normalizeToString(text)).stream().map(PiiMatch::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "320102200002294567", "110101199003077774"})
    void should_find_an_id_number_whose_check_digit_is_valid(String id) {
        assertThat(kinds("我身份证号是" + id + "，帮我查下")).containsExactly(PiiKind.ID_NUMBER);
    }

    @Test
    void should_not_take_an_id_with_a_wrong_check_digit_or_date_for_one() {
        assertThat(kinds("110101199003077777")).isEmpty();  // check digit should be 4
        assertThat(kinds("110101199002307774")).isEmpty();  // 30 February
        assertThat(kinds("010101199003077774")).isEmpty();  // no region starts with 0
    }

    @Test
    void should_find_mobile_numbers_also_grouped_full_width_or_with_country_code() {
        assertThat(kinds("电话13812345678")).containsExactly(PiiKind.MOBILE);
        assertThat(kinds("打138-1234-5678找我")).containsExactly(PiiKind.MOBILE);
        assertThat(kinds("打 138 1234 5678")).containsExactly(PiiKind.MOBILE);
        assertThat(kinds("１３９１２３４５６７８")).containsExactly(PiiKind.MOBILE);
        assertThat(kinds("+86 13812345678")).containsExactly(PiiKind.MOBILE);
        assertThat(kinds("13812345678 13912345678")).containsExactly(PiiKind.MOBILE, PiiKind.MOBILE);
    }

    @Test
    void should_not_take_hotlines_landlines_dates_or_amounts_for_personal_data() {
        assertThat(kinds("打12345或者0000-86128002问问")).isEmpty();
        assertThat(kinds("2024年3月15日交了3000元")).isEmpty();
        assertThat(kinds("20240315")).isEmpty();
        assertThat(kinds("12812345678")).isEmpty(); // no mobile prefix 12x
        assertThat(kinds("138123456789")).isEmpty(); // 12 digits
    }

    @Test
    void should_find_bank_card_numbers_passing_luhn() {
        assertThat(kinds("卡号6222021234567894")).containsExactly(PiiKind.BANK_CARD);
        assertThat(kinds("卡号 6222 0212 3456 7894")).containsExactly(PiiKind.BANK_CARD);
        assertThat(kinds("6217001234567890122")).containsExactly(PiiKind.BANK_CARD);
        assertThat(kinds("4111111111111111")).containsExactly(PiiKind.BANK_CARD);
    }

    @Test
    void should_not_take_a_number_failing_luhn_for_a_bank_card() {
        assertThat(kinds("6222021234567890")).isEmpty();
    }

    @Test
    void should_find_email_addresses() {
        assertThat(kinds("发到zhang.san_01@example.com.cn吧")).containsExactly(PiiKind.EMAIL);
        assertThat(kinds("邮箱ＬＩＳＩ＠ＱＱ．ＣＯＭ")).containsExactly(PiiKind.EMAIL);
        assertThat(kinds("邮箱 13812345678@163.com")).containsExactly(PiiKind.EMAIL);
    }

    @Test
    void should_not_take_an_at_sign_alone_for_an_email() {
        assertThat(kinds("@工作人员 你好")).isEmpty();
        assertThat(kinds("a@b")).isEmpty();
    }

    @Test
    void should_mask_personal_data_in_the_raw_text_keeping_its_length_and_separators() {
        // given
        String raw = "身份证１１０１０１１９９００３０７７７７４，手机138-1234-5678，邮箱a.b@qq.com";
        NormalizedText normalized = normalizer.normalize(raw);

        // when
        String masked = PiiMasker.mask(raw, normalized, detector.find(normalized.text()));

        // then
        assertThat(masked).hasSameSizeAs(raw)
                .isEqualTo("身份证＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊，手机***-****-****，邮箱*.*@**.***"
                        .replace('＊', '*'))
                .doesNotContain("7774", "5678", "qq");
    }

    @Test
    void should_leave_text_without_personal_data_unchanged() {
        String raw = "社保卡丢了打12345";
        NormalizedText normalized = normalizer.normalize(raw);
        assertThat(PiiMasker.mask(raw, normalized, detector.find(normalized.text()))).isEqualTo(raw);
    }

    @Test
    void should_mask_a_mistyped_id_number_in_what_is_logged__though_it_is_not_detected() {
        // given: the check digit is wrong (a typo), so it is not reported as an ID number
        String raw = "身份证 11010119900307457X 的事没解决";
        NormalizedText normalized = normalizer.normalize(raw);
        assertThat(detector.find(normalized.text())).isEmpty();

        // when
        String masked = PiiMasker.mask(raw, normalized, List.of());

        // then
        assertThat(masked).isEqualTo("身份证 ****************** 的事没解决");
    }

    @Test
    void should_not_mask_short_numbers_like_hotlines_and_dates() {
        String raw = "打12345或0000-86128002，2026年3月1日";
        assertThat(PiiMasker.mask(raw, normalizer.normalize(raw), List.of())).isEqualTo(raw);
    }

    @Test
    void should_remove_personal_data_from_searchable_text() {
        String text = "我的手机13812345678丢了";
        assertThat(PiiMasker.remove(text, detector.find(text))).isEqualTo("我的手机 丢了");
    }
}
