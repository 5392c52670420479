package org.civicassist.assistant.reply;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PiecesTest {

    @Test
    void should_cut_a_text_after_sentence_ends_and_line_breaks() {
        assertThat(Pieces.of("带身份证。到窗口办理！要多久？当天；\n其余见指南"))
                .containsExactly("带身份证。", "到窗口办理！", "要多久？", "当天；", "\n", "其余见指南");
        assertThat(Pieces.of("Bring your ID! Done? Yes; ok"))
                .containsExactly("Bring your ID!", " Done?", " Yes;", " ok");
    }

    @Test
    void should_keep_the_text_whole_when_joined() {
        String text = "一、带身份证。\n二、到窗口！\n\n三、当天办结";
        assertThat(String.join("", Pieces.of(text))).isEqualTo(text);
        assertThat(Pieces.of("")).isEmpty();
        assertThat(Pieces.of("没有句号")).containsExactly("没有句号");
    }

    @Test
    void should_cut_a_stream_of_tokens_into_whole_sentences() {
        // given
        Pieces pieces = new Pieces();
        List<String> completed = new ArrayList<>();

        // when
        for (String token : new String[]{"带身", "份证。到", "窗口", "办理！要多", "久"}) {
            completed.addAll(pieces.add(token));
        }

        // then
        assertThat(completed).containsExactly("带身份证。", "到窗口办理！");
        assertThat(pieces.rest()).isEqualTo("要多久");
        assertThat(pieces.rest()).isEmpty();
    }
}
