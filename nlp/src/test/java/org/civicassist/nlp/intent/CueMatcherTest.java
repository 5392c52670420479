package org.civicassist.nlp.intent;

import org.civicassist.nlp.lexicon.SourceLine;
import org.civicassist.nlp.lexicon.WordListFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CueMatcherTest {

    private static CueMatcher<String> matcher(String... cues) {
        List<SourceLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < cues.length; i++) {
            lines.add(new SourceLine("cues.txt", i + 1, cues[i]));
        }
        return CueMatcher.compile(Map.of("X", lines), UnaryOperator.identity());
    }

    private static List<String> spans(CueMatcher<String> m, String text) {
        return m.findAll(text).stream().map(x -> text.substring(x.start(), x.end())).toList();
    }

    @Test
    void should_find_literal_cues_and_alternatives() {
        CueMatcher<String> m = matcher("转人工", "人工客服|真人客服");
        assertThat(spans(m, "请帮我转人工")).containsExactly("转人工");
        assertThat(spans(m, "要真人客服")).containsExactly("真人客服");
        assertThat(spans(m, "社保卡怎么办")).isEmpty();
    }

    @Test
    void should_find_parts_in_order_within_the_gap() {
        CueMatcher<String> m = matcher("找…领导|负责人");
        assertThat(spans(m, "给我找你们领导来")).containsExactly("找你们领导");
        assertThat(spans(m, "找一下你们的负责人")).containsExactly("找一下你们的负责人");
        assertThat(spans(m, "领导找我")).isEmpty();
    }

    @Test
    void should_not_match_parts_too_far_apart_or_across_a_sentence_end() {
        CueMatcher<String> m = matcher("找...领导");
        assertThat(spans(m, "找" + "一".repeat(CueMatcher.MAX_GAP) + "领导")).hasSize(1);
        assertThat(spans(m, "找" + "一".repeat(CueMatcher.MAX_GAP + 1) + "领导")).isEmpty();
        assertThat(spans(m, "找不到。领导")).isEmpty();
        assertThat(spans(m, "找不到!领导")).isEmpty();
    }

    @Test
    void should_match_on_empty_text_and_with_no_cues() {
        assertThat(matcher("a").findAll("")).isEmpty();
        assertThat(CueMatcher.<String>empty().findAll("anything")).isEmpty();
    }

    @Test
    void should_reject_an_empty_part_with_its_line() {
        assertThatThrownBy(() -> matcher("ok", "找…|领导"))
                .isInstanceOf(WordListFormatException.class).hasMessageStartingWith("cues.txt:2:");
        assertThatThrownBy(() -> matcher("找……"))
                .isInstanceOf(WordListFormatException.class);
    }
}
