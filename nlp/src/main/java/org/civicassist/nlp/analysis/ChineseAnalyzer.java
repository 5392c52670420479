package org.civicassist.nlp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.civicassist.nlp.segment.Segmenter;

import java.util.Map;
import java.util.Objects;

/**
 * The Lucene analyzer for government-service Chinese: {@link ChineseTokenizer} (normalise, segment with the domain
 * dictionary, keep offsets into the original) → {@link CanonicalFormFilter} (colloquial or abbreviated word to the
 * canonical word, so 社保卡 and 社会保障卡 meet) → stop words. Build it through {@code ChineseNlp}, which gives it the
 * same segmenter and aliases as the question pipeline.
 */
public final class ChineseAnalyzer extends Analyzer {

    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final CharArraySet stopwords;
    private final Map<String, String> canonicalForms;

    public ChineseAnalyzer(TextNormalizer normalizer, Segmenter segmenter, CharArraySet stopwords,
                           Map<String, String> canonicalForms) {
        this.normalizer = Objects.requireNonNull(normalizer);
        this.segmenter = Objects.requireNonNull(segmenter);
        this.stopwords = CharArraySet.unmodifiableSet(stopwords);
        this.canonicalForms = Map.copyOf(canonicalForms);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new ChineseTokenizer(normalizer, segmenter);
        TokenStream stream = canonicalForms.isEmpty() ? source : new CanonicalFormFilter(source, canonicalForms);
        stream = new StopFilter(stream, stopwords);
        return new TokenStreamComponents(source, stream);
    }
}
