package org.civicassist.nlp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.civicassist.nlp.segment.HanLpSegmenter;
import org.civicassist.nlp.segment.Segmenter;
import org.civicassist.nlp.segment.TermDictionary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The Lucene analyzer for government-service Chinese: {@link ChineseTokenizer} (normalise, segment with the domain
 * dictionary, keep offsets into the original) → {@link CanonicalFormFilter} (colloquial or abbreviated word to the
 * canonical word, so 社保卡 and 社会保障卡 meet) → stop words.
 */
public final class ChineseAnalyzer extends Analyzer {

    public static final String DEFAULT_STOPWORDS = "/org/civicassist/nlp/stopwords.txt";

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

    /** Bundled dictionary and stop words, no canonical forms. */
    public static ChineseAnalyzer withDefaults() {
        return new ChineseAnalyzer(new TextNormalizer(), HanLpSegmenter.withBundledDictionary(), bundledStopwords(),
                Map.of());
    }

    public static CharArraySet bundledStopwords() {
        try (InputStream in = ChineseAnalyzer.class.getResourceAsStream(DEFAULT_STOPWORDS)) {
            if (in == null) {
                throw new IllegalStateException("bundled stop words missing: " + DEFAULT_STOPWORDS);
            }
            return new CharArraySet(TermDictionary.readWordList(in), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new ChineseTokenizer(normalizer, segmenter);
        TokenStream stream = canonicalForms.isEmpty() ? source : new CanonicalFormFilter(source, canonicalForms);
        stream = new StopFilter(stream, stopwords);
        return new TokenStreamComponents(source, stream);
    }
}
