package org.civicassist.assistant.llm;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts check on its own: what counts as a fact, and when a source states it. */
class FactCheckerTest {

    static final String SOURCE = """
            遗失补卡工本费 20 元；损坏换卡免费。
            窗口即时制卡；网上申请十五个工作日内寄出。年满１６周岁的，须本人办理。
            咨询电话：0571-12345678，或拨打 12333。工作时间 9:00-17:00，2024年3月1日起施行。
            须携带《居民身份证》原件和“社会保障卡申领登记表”。住房公积金提取额度不超过 1,000 元。
            """;

    @Nested
    class Facts_found_in_a_text {

        @Test
        void numbers_with_units__dates__clock_times__phone_numbers__and_names() {
            assertThat(FactChecker.facts("工本费20元，10个工作日寄出，2024年3月1日起，9:00开始，电话0571-12345678，"
                    + "带上《居民身份证》和“登记表”。"))
                    .contains("20元", "10个工作日", "2024年3月1日", "9:00", "0571-12345678", "《居民身份证》",
                            "“登记表”");
        }

        @Test
        void nothing_in_plain_advice() {
            assertThat(FactChecker.facts("先挂失，再到窗口补领，也可以在网上办理。")).isEmpty();
        }

        @Test
        void a_claim_that_something_is_free() {
            assertThat(FactChecker.facts("这项业务不收费。")).containsExactly("免费");
        }
    }

    @Nested
    class Grounded {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "补卡要交工本费20元。",
                "补卡工本费 ２０ 元。",
                "网上申请15个工作日内寄出。",
                "网上申请十五个工作日内寄出。",
                "年满16周岁的须本人办理。",
                "可以打0571-12345678咨询。",
                "也可以拨打12333。",
                "工作时间是9:00到17:00。",
                "2024年3月1日起施行。",
                "带上《居民身份证》原件。",
                "带上居民身份证原件。",
                "填写“社会保障卡申领登记表”。",
                "损坏换卡是免费的。",
                "提取额度不超过1000元。",
                "先挂失，再补领。"})
        void a_faithful_restatement_passes(String written) {
            assertThat(FactChecker.unsupported(written, List.of(SOURCE))).isEmpty();
        }
    }

    @Nested
    class Not_grounded {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "补卡要交工本费50元。|50元",
                "补卡要交工本费0元。|0元",
                "补卡要交工本费2元。|2元",
                "网上申请5个工作日内寄出。|5个工作日",
                "网上申请三个月内寄出。|3个月",
                "年满18周岁的须本人办理。|18周岁",
                "可以打0571-87654321咨询。|0571-87654321",
                "也可以拨打12345。|12345",
                "工作时间是8:30到17:00。|8:30",
                "2025年3月1日起施行。|2025年3月1日",
                "带上《户口本》原件。|《户口本》",
                "手续费收取5%。|5%"})
        void a_changed_or_invented_fact_is_caught(String written, String fact) {
            assertThat(FactChecker.unsupported(written, List.of(SOURCE))).contains(fact);
        }

        @Test
        void a_fact_must_be_in_one_of_the_given_sources__not_elsewhere() {
            assertThat(FactChecker.unsupported("工本费20元。", List.of("居民身份证原件。"))).containsExactly("20元");
            assertThat(FactChecker.unsupported("工本费20元。", List.of("居民身份证原件。", "工本费20元。"))).isEmpty();
        }

        @Test
        void free_of_charge_when_the_source_never_says_so() {
            assertThat(FactChecker.unsupported("补卡是免费的。", List.of("遗失补卡工本费 20 元。"))).containsExactly("免费");
        }
    }

    @Test
    void normalises_full_width_characters__spaces__separators_and_chinese_numerals_before_units() {
        assertThat(FactChecker.normalize("１０ 个工作日，二十元，一百零五天，两万元，1,000 元，二〇二四年"))
                .isEqualTo("10个工作日,20元,105天,20000元,1000元,2024年");
    }

    @ParameterizedTest
    @CsvSource({"十,10", "十五,15", "二十,20", "二十五,25", "一百,100", "一百零五,105", "三千二百,3200", "两万,20000",
            "二〇二四,2024", "七,7"})
    void reads_chinese_numerals(String numeral, long value) {
        assertThat(ChineseNumerals.parse(numeral)).isEqualTo(value);
    }
}
