package org.civicassist.nlp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.civicassist.nlp.ChineseNlp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Lucene-style checks of the word analyzer: tokens with offsets, and robustness on any input. */
class ChineseAnalyzerTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();

    record Tok(String term, int start, int end, int posInc) {
        @Override
        public String toString() {
            return term + "[" + start + "," + end + ")";
        }
    }

    static List<Tok> analyze(Analyzer analyzer, String text) {
        List<Tok> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute pos = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Tok(term.toString(), offset.startOffset(), offset.endOffset(), pos.getPositionIncrement()));
            }
            ts.end();
            assertThat(offset.endOffset()).as("final offset").isEqualTo(text.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> terms(Analyzer analyzer, String text) {
        return analyze(analyzer, text).stream().map(Tok::term).toList();
    }

    @Test
    void should_emit_domain_terms_whole_with_offsets() {
        assertThat(analyze(NLP.wordAnalyzer(), "社保卡丢了怎么补办")).containsExactly(
                new Tok("社保卡", 0, 3, 1), new Tok("遗失", 3, 4, 1), new Tok("怎么", 5, 7, 2), new Tok("补领", 7, 9, 1));
    }

    @Test
    void should_index_aliases_as_their_canonical_word() {
        assertThat(terms(NLP.wordAnalyzer(), "社会保障卡挂失")).containsExactly("社保卡", "挂失");
        assertThat(terms(NLP.wordAnalyzer(), "住房公积金提取")).containsExactly("公积金", "提取");
        assertThat(terms(NLP.wordAnalyzer(), "户口本丢了")).first().isEqualTo("户口簿");
    }

    @Test
    void should_keep_offsets_of_the_alias_as_typed() {
        Tok first = analyze(NLP.wordAnalyzer(), "我的房本丢了").get(0);
        assertThat(first.term()).isEqualTo("不动产权证书");
        assertThat(List.of(first.start(), first.end())).containsExactly(2, 4);
    }

    @Test
    void should_not_rewrite_an_alias_inside_another_word() {
        assertThat(terms(NLP.wordAnalyzer(), "买房本来就难")).doesNotContain("不动产权证书");
        assertThat(terms(NLP.wordAnalyzer(), "居住证明怎么开")).doesNotContain("居住证");
    }

    @Test
    void should_report_offsets_into_full_width_input() {
        String text = "ＧＪＪ提取要多久？";
        List<Tok> toks = analyze(NLP.wordAnalyzer(), text);
        assertThat(toks.get(0)).isEqualTo(new Tok("公积金", 0, 3, 1));
        for (Tok t : toks) {
            assertThat(t.start()).isLessThan(t.end());
        }
        assertThat(text.substring(toks.get(1).start(), toks.get(1).end())).isEqualTo("提取");
    }

    @Test
    void should_split_mixed_latin_digits_and_chinese() {
        List<Tok> toks = analyze(NLP.wordAnalyzer(), "江州办App上12345热线");
        assertThat(toks).extracting(Tok::term).contains("app", "12345", "热线");
        Tok app = toks.stream().filter(t -> t.term().equals("app")).findFirst().orElseThrow();
        assertThat("江州办App上12345热线".substring(app.start(), app.end())).isEqualTo("App");
    }

    @Test
    void should_emit_out_of_vocabulary_words_as_characters_or_words_without_losing_text() {
        String text = "魑魅魍魉的龘字";
        List<Tok> toks = analyze(NLP.wordAnalyzer(), text);
        assertThat(toks).isNotEmpty();
        assertThat(String.join("", toks.stream().map(Tok::term).toList())).contains("龘");
    }

    @Test
    void should_handle_surrogate_pairs_without_splitting_them() {
        String text = "𠮷野家的𩸽社保卡";
        List<Tok> toks = analyze(NLP.wordAnalyzer(), text);
        assertThat(toks).extracting(Tok::term).contains("社保卡");
        for (Tok t : toks) {
            assertThat(Character.isLowSurrogate(text.charAt(t.start()))).as("starts inside a pair: " + t).isFalse();
            assertThat(t.end() == text.length() || !Character.isLowSurrogate(text.charAt(t.end())))
                    .as("ends inside a pair: " + t).isTrue();
        }
    }

    @Test
    void should_skip_punctuation_with_a_position_gap() {
        List<Tok> toks = analyze(NLP.wordAnalyzer(), "社保卡！！公积金");
        assertThat(toks).extracting(Tok::term).containsExactly("社保卡", "公积金");
        assertThat(toks.get(1).posInc()).isGreaterThan(1);
    }

    @Test
    void should_drop_stop_words() {
        assertThat(terms(NLP.wordAnalyzer(), "我的社保卡呢")).containsExactly("社保卡");
    }

    @Test
    void should_analyse_very_long_input_with_offsets_in_bounds() {
        String unit = "社会保障卡丢了怎么补办，需要带什么材料？";
        String text = unit.repeat(5_000);
        List<Tok> toks = analyze(NLP.wordAnalyzer(), text);
        assertThat(toks).hasSizeGreaterThan(5_000 * 3);
        assertOffsetsValid(toks, text.length());
    }

    @Test
    void should_survive_random_text_with_offsets_in_bounds() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            String text = randomText(random, random.nextInt(80));
            for (Analyzer analyzer : List.of(NLP.wordAnalyzer(), NLP.bigramAnalyzer())) {
                assertOffsetsValid(analyze(analyzer, text), text.length());
            }
        }
    }

    @Test
    void should_give_the_same_tokens_when_the_analyzer_is_reused() {
        List<Tok> first = analyze(NLP.wordAnalyzer(), "公积金租房提取要什么材料");
        analyze(NLP.wordAnalyzer(), "完全不同的一句话");
        assertThat(analyze(NLP.wordAnalyzer(), "公积金租房提取要什么材料")).isEqualTo(first);
    }

    @Test
    void should_emit_character_bigrams_with_offsets() {
        assertThat(analyze(NLP.bigramAnalyzer(), "社保卡 app")).containsExactly(
                new Tok("社保", 0, 2, 1), new Tok("保卡", 1, 3, 1), new Tok("app", 4, 7, 1));
    }

    @Test
    void should_emit_nothing_for_empty_and_punctuation_only_input() {
        assertThat(analyze(NLP.wordAnalyzer(), "")).isEmpty();
        assertThat(analyze(NLP.wordAnalyzer(), "？！。…😊")).isEmpty();
    }

    static void assertOffsetsValid(List<Tok> toks, int length) {
        int lastStart = 0;
        for (Tok t : toks) {
            assertThat(t.start()).as("start of " + t).isBetween(0, length);
            assertThat(t.end()).as("end of " + t).isBetween(t.start(), length);
            assertThat(t.start()).as("starts go forward at " + t).isGreaterThanOrEqualTo(lastStart);
            assertThat(t.term()).isNotEmpty();
            lastStart = t.start();
        }
    }

    /** Mixed scripts: Chinese (incl. traditional and supplementary), Latin, digits, full width, emoji, controls. */
    static String randomText(Random random, int length) {
        String[] pools = {"社保卡公积金丢了怎么补办身份證護照辦理", "abcXYZ", "0123456789", "ＡＢＣ１２３？！",
                "，。？！、…\"'()[]", " \t\n\u3000", "\u200B\u200D\uFEFF\u202E\u0000\u0007"};
        int[] supplementary = {0x20BB7, 0x29E3D, 0x1F600, 0x1F44D, 0x1F3FB};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(pools.length + 2);
            if (kind == pools.length) {
                sb.appendCodePoint(supplementary[random.nextInt(supplementary.length)]);
            } else if (kind == pools.length + 1) {
                sb.append((char) random.nextInt(0xFFFF)); // anything, lone surrogates included
            } else {
                String pool = pools[kind];
                sb.append(pool.charAt(random.nextInt(pool.length())));
            }
        }
        return sb.toString();
    }
}
