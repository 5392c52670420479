package org.civicassist.kb.index;

import org.apache.lucene.analysis.Analyzer;
import org.civicassist.nlp.ChineseNlp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTermsTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();
    private static final Analyzer FIELDS = KbIndex.fieldAnalyzer(NLP.wordAnalyzer(), NLP.bigramAnalyzer());

    static Stream<String> texts() {
        String manyCharacters = IntStream.range(0, 400).mapToObj(i -> Character.toString(0x4E00 + i * 7))
                .collect(Collectors.joining());
        return Stream.of("社保卡丢了咋补办", "公积金租房提取要啥材料？", "ＡＢＣ驾照 C1 到期 換證", "今天天气怎么样😀",
                "  ", manyCharacters);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void should_give_each_field_the_terms_of_analysing_the_text_as_that_field(String text) {
        QueryTerms terms = QueryTerms.of(FIELDS, text);

        for (String field : IndexSchema.TEXT_FIELDS) {
            assertThat(terms.of(field)).as(field)
                    .containsExactlyElementsOf(AnalyzedTerms.of(FIELDS, field, text));
        }
    }

    @ParameterizedTest
    @MethodSource("texts")
    void should_give_the_words_of_the_word_analyzer(String text) {
        assertThat(QueryTerms.of(FIELDS, text).words())
                .containsExactlyElementsOf(AnalyzedTerms.of(NLP.wordAnalyzer(), IndexSchema.BODY, text));
    }
}
