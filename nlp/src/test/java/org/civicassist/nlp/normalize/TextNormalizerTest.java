package org.civicassist.nlp.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void should_fold_full_width_letters_digits_and_punctuation() {
        assertThat(normalizer.normalizeToString("ＡＰＰ里１２３４５？")).isEqualTo("app里12345?");
    }

    @Test
    void should_convert_traditional_to_simplified() {
        assertThat(normalizer.normalizeToString("準生證現在還要辦嗎")).isEqualTo("准生证现在还要办吗");
    }

    @Test
    void should_lower_case_latin() {
        assertThat(normalizer.normalizeToString("GJJ App")).isEqualTo("gjj app");
    }

    @Test
    void should_collapse_white_space_and_trim() {
        assertThat(normalizer.normalizeToString("  社保卡\t\t丢了\u3000\n 咋办  ")).isEqualTo("社保卡 丢了 咋办");
    }

    @Test
    void should_drop_zero_width_control_and_bidi_characters() {
        assertThat(normalizer.normalizeToString("社\u200B保\u200D卡\uFEFF\u202E丢了\u0007")).isEqualTo("社保卡丢了");
    }

    @Test
    void should_drop_emoji_including_surrogate_pairs_and_variation_selectors() {
        assertThat(normalizer.normalizeToString("谢谢😊👍🏻 ❤️好的")).isEqualTo("谢谢 好的");
    }

    @Test
    void should_reduce_repeated_punctuation_to_one() {
        assertThat(normalizer.normalizeToString("为什么？？？！！！……")).isEqualTo("为什么?!…");
    }

    @Test
    void should_keep_repeated_letters_and_digits() {
        assertThat(normalizer.normalizeToString("急急急 666")).isEqualTo("急急急 666");
    }

    @Test
    void should_map_every_character_back_to_the_original() {
        // given
        String raw = "😊社保卡\u200B丢了　ＡＢ";

        // when
        NormalizedText n = normalizer.normalize(raw);

        // then
        assertThat(n.text()).isEqualTo("社保卡丢了 ab");
        int a = n.text().indexOf('a');
        assertThat(raw.substring(n.originalStart(a), n.originalEnd(a + 2))).isEqualTo("ＡＢ");
        assertThat(raw.substring(n.originalStart(0), n.originalEnd(3))).isEqualTo("社保卡");
        assertThat(raw.substring(n.originalStart(3), n.originalEnd(5))).isEqualTo("\u200B丢了".substring(1));
    }

    @Test
    void should_return_empty_for_null_empty_and_invisible_only_input() {
        assertThat(normalizer.normalize(null).isEmpty()).isTrue();
        assertThat(normalizer.normalize("").isEmpty()).isTrue();
        assertThat(normalizer.normalize("\u200B \uFEFF😊").isEmpty()).isTrue();
    }
}
