package org.civicassist.nlp;

import org.civicassist.nlp.intent.Signal;
import org.civicassist.nlp.lexicon.WordListFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordListsTest {

    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void should_load_every_bundled_list() {
        WordLists lists = WordLists.bundled();
        assertThat(lists.dictionary().terms()).contains("社会保障卡", "住房公积金", "不动产权证书", "港澳通行证", "居住证");
        assertThat(lists.aliases().canonical("社会保障卡")).contains("社保卡");
        assertThat(lists.aliases().canonical("gjj")).contains("公积金");
        assertThat(lists.aliases().canonical("咋")).contains("怎么");
        assertThat(lists.aliases().canonical("啥")).contains("什么");
        assertThat(lists.sensitiveWords()).isNotEmpty();
        assertThat(lists.stopwords()).contains("的");
        assertThat(lists.fingerprint()).hasSize(16);
    }

    @Test
    void should_take_files_present_in_the_directory_and_the_bundled_ones_otherwise() throws IOException {
        // given
        write(WordLists.ALIASES, "# local\n社保卡 = 社会保障卡, 市民卡\n");
        write(WordLists.SENSITIVE_WORDS, "坏词\n");

        // when
        ChineseNlp nlp = ChineseNlp.load(dir);

        // then
        Understanding u = nlp.understander().understand("市民卡丢了");
        assertThat(u.retrievalText()).isEqualTo("社保卡丢了");
        assertThat(nlp.understander().understand("你这个坏词").has(Signal.ABUSIVE)).isTrue();
        assertThat(nlp.understander().understand("傻逼").has(Signal.ABUSIVE)).isFalse();
        assertThat(nlp.understander().understand("转人工").has(Signal.HUMAN_REQUEST)).isTrue(); // bundled signals
    }

    @Test
    void should_change_the_fingerprint_with_lists_that_change_indexing_only() throws IOException {
        String bundled = WordLists.bundled().fingerprint();
        assertThat(WordLists.load(dir).fingerprint()).as("an empty directory changes nothing").isEqualTo(bundled);

        write(WordLists.SIGNALS, "[HUMAN_REQUEST]\n转人工\n");
        write(WordLists.SENSITIVE_WORDS, "坏词\n");
        write(WordLists.ASPECTS, "[FEES]\n多少钱\n");
        assertThat(WordLists.load(dir).fingerprint()).as("cues do not change the index").isEqualTo(bundled);

        write(WordLists.DICTIONARY, "社会保障卡\n新名词\n");
        String withDictionary = WordLists.load(dir).fingerprint();
        assertThat(withDictionary).isNotEqualTo(bundled);

        write(WordLists.ALIASES, "社保卡 = 社会保障卡\n");
        String withAliases = WordLists.load(dir).fingerprint();
        assertThat(withAliases).isNotEqualTo(withDictionary);

        write(WordLists.STOPWORDS, "的\n");
        assertThat(WordLists.load(dir).fingerprint()).isNotEqualTo(withAliases);
    }

    @Test
    void should_fail_with_file_and_line_on_a_malformed_line() throws IOException {
        write(WordLists.DICTIONARY, "# terms\n社会保障卡\n住房 公积金\n");
        assertThatThrownBy(() -> WordLists.load(dir))
                .isInstanceOf(WordListFormatException.class)
                .hasMessageContaining(WordLists.DICTIONARY + ":3:")
                .satisfies(e -> assertThat(((WordListFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void should_fail_on_an_entry_without_letters() throws IOException {
        write(WordLists.STOPWORDS, "的\n？？\n");
        assertThatThrownBy(() -> WordLists.load(dir)).isInstanceOf(WordListFormatException.class)
                .hasMessageContaining(":2:");
    }

    @Test
    void should_fail_on_bytes_that_are_not_utf8() throws IOException {
        Files.write(dir.resolve(WordLists.DICTIONARY), new byte[]{'a', '\n', (byte) 0xC4, (byte) 0xE3, '\n'});
        assertThatThrownBy(() -> WordLists.load(dir)).isInstanceOf(WordListFormatException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void should_fail_on_an_unknown_list_file_rather_than_ignore_it() throws IOException {
        write("alias.txt", "社保卡 = 社会保障卡\n");
        assertThatThrownBy(() -> WordLists.load(dir)).isInstanceOf(WordListFormatException.class)
                .hasMessageContaining("alias.txt");
    }

    @Test
    void should_fail_on_a_missing_directory() {
        assertThatThrownBy(() -> WordLists.load(dir.resolve("missing"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void should_tolerate_a_byte_order_mark_comments_and_blank_lines() throws IOException {
        write(WordLists.SENSITIVE_WORDS, "\uFEFF坏词\n\n  # comment\n  另一个坏词  \n");
        assertThat(WordLists.load(dir).sensitiveWords()).containsExactly("坏词", "另一个坏词");
    }
}
