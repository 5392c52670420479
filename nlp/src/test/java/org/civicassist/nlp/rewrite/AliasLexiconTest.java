package org.civicassist.nlp.rewrite;

import org.civicassist.nlp.lexicon.SourceLine;
import org.civicassist.nlp.lexicon.WordListFormatException;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AliasLexiconTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    static AliasLexicon parse(String... lines) {
        List<SourceLine> source = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            source.add(new SourceLine("aliases.txt", i + 1, lines[i]));
        }
        return AliasLexicon.parse(source, NORMALIZER::normalizeToString);
    }

    @Test
    void should_map_each_alias_to_its_canonical_word() {
        AliasLexicon aliases = parse("社保卡 = 社会保障卡, 社保卡片", "公积金=住房公积金、GJJ", "怎么 = 咋 肿么");
        assertThat(aliases.canonical("社会保障卡")).contains("社保卡");
        assertThat(aliases.canonical("gjj")).contains("公积金");
        assertThat(aliases.canonical("肿么")).contains("怎么");
        assertThat(aliases.canonical("社保卡")).isEmpty();
        assertThat(aliases.words()).contains("社保卡", "社会保障卡", "公积金");
    }

    @Test
    void should_normalise_entries_like_citizen_text() {
        AliasLexicon aliases = parse("身份證 = 居民身份證，ＳＦＺ");
        assertThat(aliases.canonical("居民身份证")).contains("身份证");
        assertThat(aliases.canonical("sfz")).contains("身份证");
    }

    @Test
    void should_fail_with_file_and_line_on_a_line_without_equals() {
        assertThatThrownBy(() -> parse("社保卡 = 社会保障卡", "公积金 住房公积金"))
                .isInstanceOf(WordListFormatException.class)
                .hasMessageStartingWith("aliases.txt:2:")
                .satisfies(e -> assertThat(((WordListFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void should_fail_on_an_empty_canonical_or_alias_list() {
        assertThatThrownBy(() -> parse(" = 社会保障卡")).isInstanceOf(WordListFormatException.class);
        assertThatThrownBy(() -> parse("社保卡 = ")).isInstanceOf(WordListFormatException.class);
        assertThatThrownBy(() -> parse("社保卡 = ,")).isInstanceOf(WordListFormatException.class);
    }

    @Test
    void should_fail_when_an_alias_belongs_to_two_concepts() {
        assertThatThrownBy(() -> parse("社保 = sb", "傻瓜 = sb"))
                .isInstanceOf(WordListFormatException.class).hasMessageContaining(":2:");
    }

    @Test
    void should_fail_when_aliases_would_chain() {
        assertThatThrownBy(() -> parse("社保卡 = 社会保障卡", "社会保障卡 = 社保卡片"))
                .isInstanceOf(WordListFormatException.class).hasMessageContaining(":2:");
        assertThatThrownBy(() -> parse("社保卡 = 社会保障卡", "卡 = 社保卡"))
                .isInstanceOf(WordListFormatException.class).hasMessageContaining(":2:");
    }

    @Test
    void should_fail_when_a_word_is_its_own_alias() {
        assertThatThrownBy(() -> parse("社保卡 = 社保卡")).isInstanceOf(WordListFormatException.class);
    }
}
