package org.civicassist.nlp.rewrite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhereTyposTest {

    private static String corrected(String text) {
        return Correction.apply(text, WhereTypos.find(text));
    }

    @Test
    void should_read_a_closing_where_typed_with_that_as_where() {
        assertThat(corrected("居住证在那办")).isEqualTo("居住证在哪办");
        assertThat(corrected("医保卡丢了去那里补？")).isEqualTo("医保卡丢了去哪里补？");
        assertThat(corrected("社保局在那儿?")).isEqualTo("社保局在哪儿?");
        assertThat(corrected("营业执照到那申请呢，周末开门吗")).isEqualTo("营业执照到哪申请呢，周末开门吗");
    }

    @Test
    void should_leave_that_where_it_points_at_something_or_says_where() {
        assertThat(WhereTypos.find("那去哪儿办")).isEmpty();
        assertThat(WhereTypos.find("在那个窗口办吗")).isEmpty();
        assertThat(WhereTypos.find("我在那边上班")).isEmpty();
        assertThat(WhereTypos.find("现在那里能办吗")).isEmpty();
        assertThat(WhereTypos.find("车一直停在那儿，没人管")).isEmpty();
        assertThat(WhereTypos.find("我上次就是在那办的")).isEmpty();
    }
}
