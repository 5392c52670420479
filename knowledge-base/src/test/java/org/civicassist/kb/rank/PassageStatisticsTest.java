package org.civicassist.kb.rank;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PassageStatisticsTest {

    private static PassageStatistics.PassageWords words(String... ws) {
        return new PassageStatistics.PassageWords(Set.of(ws), Set.of(ws), Set.of());
    }

    private final PassageStatistics statistics = new PassageStatistics(List.of(
            words("社保卡", "补办", "江州"), words("公积金", "提取", "江州"), words("护照", "江州")));

    @Test
    void coverage_leaves_out_words_the_kb_never_mentions() {
        // 下雨 is in no passage: the question looks fully covered by the passage with 江州
        assertThat(statistics.coverage(2, Set.of("江州", "下雨"))).isEqualTo(1.0);
    }

    @Test
    void unknown_share_weighs_the_words_the_kb_never_mentions_as_the_rarest_words() {
        assertThat(statistics.unknownShare(Set.of("社保卡", "补办"))).isZero();
        assertThat(statistics.unknownShare(Set.of("下雨", "刮风"))).isEqualTo(1.0);
        // an unknown word weighs as much as a word of one passage, more than a word of every passage
        double withRare = statistics.unknownShare(Set.of("护照", "下雨"));
        assertThat(withRare).isCloseTo(0.5, within(1e-9));
        assertThat(statistics.unknownShare(Set.of("江州", "下雨"))).isGreaterThan(withRare);
        assertThat(statistics.unknownShare(Set.of())).isZero();
    }

    @Test
    void residual_coverage_counts_only_the_question_words_the_passages_title_lacks() {
        PassageStatistics titled = new PassageStatistics(List.of(
                new PassageStatistics.PassageWords(Set.of("社保卡", "补办", "材料", "身份证"), Set.of(),
                        Set.of("社保卡", "补办")),
                new PassageStatistics.PassageWords(Set.of("社保卡", "补办", "多久"), Set.of(), Set.of("社保卡", "补办"))));

        assertThat(titled.residualCoverage(0, Set.of("社保卡", "补办"))).as("all in the title").isZero();
        assertThat(titled.residualCoverage(0, Set.of("社保卡", "补办", "材料"))).isEqualTo(1.0);
        assertThat(titled.residualCoverage(1, Set.of("社保卡", "补办", "材料"))).as("its sibling lacks 材料").isZero();
        assertThat(titled.residualCoverage(0, Set.of("社保卡", "材料", "多久")))
                .isCloseTo(0.5, within(1e-9)); // 材料 and 多久 are each in one passage: equal weights
    }

    @Test
    void title_containment_counts_a_question_word_a_title_word_holds() {
        PassageStatistics titled = new PassageStatistics(List.of(
                new PassageStatistics.PassageWords(Set.of("补领", "结婚证", "补", "证"), Set.of(),
                        Set.of("补领", "结婚证")),
                new PassageStatistics.PassageWords(Set.of("身份证", "补领", "挂失"), Set.of(), Set.of("身份证", "挂失")),
                new PassageStatistics.PassageWords(Set.of("护照", "申领"), Set.of(), Set.of("护照", "申领"))));

        assertThat(titled.titleCoverage(0, Set.of("补", "证"))).as("as whole words").isZero();
        assertThat(titled.titleContainment(0, Set.of("补", "证"))).isEqualTo(1.0);
        assertThat(titled.titleContainment(1, Set.of("补", "证"))).as("证 in 身份证, no 补")
                .isGreaterThan(0).isLessThan(1);
        assertThat(titled.titleContainment(2, Set.of("补", "证"))).isZero();
    }
}
