package org.civicassist.eval.question;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The question file formats of ../shared/eval/README.md. */
class QuestionSetTest {

    @TempDir
    Path dir;

    Path file(String... lines) throws IOException {
        Path f = dir.resolve("q.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void single_and_multi_turn_questions_load_as_before() throws IOException {
        QuestionFile read = QuestionSet.read(file(
                "{\"id\": \"a\", \"question\": \"社保卡丢了\", \"kind\": \"answerable\", \"expect\": [\"faq-1\"]}",
                "{\"id\": \"b\", \"turns\": [\"想办社保卡\", \"要多久\"], \"kind\": \"answerable\", \"expect\": [\"g#办理时限\"]}",
                "{\"id\": \"c\", \"question\": \"转人工\", \"kind\": \"human\", \"expect\": []}"));

        assertThat(read.ofDialogues()).isFalse();
        assertThat(read.questions()).extracting(Question::id).containsExactly("a", "b", "c");
        assertThat(read.questions().get(1).turns()).containsExactly("想办社保卡", "要多久");
    }

    @Test
    void a_dialogue_line_keeps_each_turns_expect_and_context() throws IOException {
        QuestionFile read = QuestionSet.read(file("{\"id\": \"d\", \"kind\": \"dialogue\", \"turns\": ["
                + "{\"text\": \"我在江州租房\", \"expect\": [], \"context\": true},"
                + "{\"text\": \"能办居住证不\", \"expect\": [\"faq-1\", \"g#办理条件\"]}]}"));

        assertThat(read.ofDialogues()).isTrue();
        Dialogue d = read.dialogues().get(0);
        assertThat(d.turns()).extracting(Dialogue.Turn::context).containsExactly(true, false);
        assertThat(d.turns().get(1).expect()).containsExactly("faq-1", "g#办理条件");
    }

    @Test
    void commands_that_take_single_questions_refuse_a_dialogue_file() throws IOException {
        Path f = file("{\"id\": \"d\", \"kind\": \"dialogue\", \"turns\": [{\"text\": \"你好\", \"expect\": [\"faq-1\"]}]}");
        assertThatThrownBy(() -> QuestionSet.load(f)).hasMessageContaining("dialogues");
    }
}
