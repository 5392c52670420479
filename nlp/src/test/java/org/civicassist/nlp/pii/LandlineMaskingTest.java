package org.civicassist.nlp.pii;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.civicassist.nlp.pii.Masking.kinds;
import static org.civicassist.nlp.pii.Masking.NLP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landline numbers, with an area code anywhere or as a local number after 电话 / 座机: each digit masked, the shape
 * kept, as for mobiles. Service numbers, dates and the first groups of a longer number are no landlines.
 */
class LandlineMaskingTest {

    // --- landlines ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "座机0571-87654321 | 座机****-********",
            "打0571-87654321找我 | 打****-********找我",
            "电话(010)65123456 | 电话(***)********",
            "电话（０１０）６５１２３４５ | 电话（***）*******",
            "我的电话是86128002 | 我的电话是********",
            "座机 8612 8002 | 座机 **** ****",
            "固话057187654321 | 固话************",
            "0755 8765432 白天打 | **** ******* 白天打",
    })
    void masks_landlines_keeping_their_shape(String raw, String masked) {
        assertThat(NLP.mask(raw)).isEqualTo(masked).hasSameSizeAs(raw);
        assertThat(kinds(raw)).containsExactly(PiiKind.LANDLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "打12345问问", "打12345或者0000-86128002问问", "客服电话400-820-8820", "电话95598报修", "20240315",
            "交了20240315的钱", "电话号码怎么改", "电话里说要20个工作日"})
    void leaves_service_numbers_dates_and_other_numbers_alone(String text) {
        assertThat(kinds(text)).doesNotContain(PiiKind.LANDLINE);
        assertThat(NLP.mask(text)).isEqualTo(text);
    }

    @Test
    void does_not_take_the_first_groups_of_a_longer_number_for_a_landline() {
        // a card number failing Luhn: masked as a long run of digits, not reported as a landline
        assertThat(kinds("号码 6222 0212 3456 7890 不对")).isEmpty();
        assertThat(kinds("电话 0571-8765-4321-12")).isEmpty();
    }
}
