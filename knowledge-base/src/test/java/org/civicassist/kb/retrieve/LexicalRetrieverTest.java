package org.civicassist.kb.retrieve;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.index.AnalyzedTerms;
import org.civicassist.kb.index.IndexSchema;
import org.civicassist.kb.index.KbIndex;
import org.civicassist.kb.index.QueryTerms;
import org.civicassist.nlp.ChineseNlp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LexicalRetrieverTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();
    private static final Analyzer FIELDS = KbIndex.fieldAnalyzer(NLP.wordAnalyzer(), NLP.bigramAnalyzer());
    private static final String MANY_CHARACTERS = IntStream.range(0, 400)
            .mapToObj(i -> Character.toString(0x4E00 + i * 7)).collect(Collectors.joining());

    private static KbIndex index;
    private static LexicalRetriever retriever;
    private static Map<String, Float> weights;

    @BeforeAll
    static void open() {
        index = KbIndex.build(List.of(), FIELDS, new NoVectors(), new ByteBuffersDirectory());
        Map<String, Float> byField = new LinkedHashMap<>();
        IndexSchema.TEXT_FIELDS.forEach(f -> byField.put(f, 1.0f + byField.size()));
        weights = Map.copyOf(byField); // the retriever's own copy: the same order of fields
        retriever = new LexicalRetriever(index, weights);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static Stream<String> texts() {
        return Stream.of("社保卡丢了咋补办", "公积金租房提取要啥材料？", "ＡＢＣ驾照 C1 到期 換證", MANY_CHARACTERS);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void should_search_each_field_for_the_terms_of_analysing_the_text_as_that_field(String text) {
        BooleanQuery query = (BooleanQuery) retriever.buildQuery(QueryTerms.of(FIELDS, text));

        assertThat(query.clauses()).containsExactlyElementsOf(analysedFieldByField(text));
    }

    @Test
    void should_search_nothing__when_the_text_has_no_terms() {
        assertThat(retriever.buildQuery(QueryTerms.of(FIELDS, "？？ ！"))).isNull();
    }

    /** The query as it was built before the text was analysed once per analysis: every field analysed on its own. */
    private static List<BooleanClause> analysedFieldByField(String text) {
        int limit = BooleanQuery.getMaxClauseCount() / 8;
        return weights.entrySet().stream()
                .flatMap(field -> AnalyzedTerms.of(FIELDS, field.getKey(), text, limit).stream()
                        .map(term -> new BooleanClause(new BoostQuery(
                                new TermQuery(new Term(field.getKey(), term)), field.getValue()),
                                BooleanClause.Occur.SHOULD)))
                .toList();
    }

    private static final class NoVectors implements Embedder {
        @Override
        public String modelId() {
            return "none";
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public float[] embed(String text) {
            throw new AssertionError("a lexical query embeds nothing");
        }
    }
}
