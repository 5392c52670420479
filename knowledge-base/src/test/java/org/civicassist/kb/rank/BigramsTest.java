package org.civicassist.kb.rank;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BigramsTest {

    static final List<String> TEXTS = List.of("社保卡丢了怎么补办？", "社会保障卡遗失了如何补领", "社保卡 社保卡 补办补办",
            "结婚登记需要什么材料", "公积金租房提取要啥材料", "护照", "A1办证 2024年", "", "？！", "卡",
            "普通护照签发办理时限", "𠀀𠀁 生僻字");

    @Test
    void codes_give_the_dice_of_the_bigram_sets__for_any_two_texts() {
        for (String a : TEXTS) {
            for (String b : TEXTS) {
                assertThat(Bigrams.dice(Bigrams.codes(a), Bigrams.codes(b)))
                        .as("%s / %s", a, b)
                        .isCloseTo(Bigrams.dice(Bigrams.of(a), Bigrams.of(b)), within(1e-12));
            }
        }
    }

    @Test
    void codes_are_sorted_and_distinct__one_for_each_bigram() {
        for (String t : TEXTS) {
            int[] codes = Bigrams.codes(t);
            assertThat(codes).hasSize(Bigrams.of(t).size());
            for (int i = 1; i < codes.length; i++) {
                assertThat(codes[i]).isGreaterThan(codes[i - 1]);
            }
        }
    }
}
