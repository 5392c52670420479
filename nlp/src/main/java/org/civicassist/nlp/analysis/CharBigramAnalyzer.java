package org.civicassist.nlp.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.civicassist.nlp.normalize.TextNormalizer;

/** Character bigrams over normalised text; see {@link CharBigramTokenizer}. */
public final class CharBigramAnalyzer extends Analyzer {

    private final TextNormalizer normalizer;

    public CharBigramAnalyzer(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new CharBigramTokenizer(normalizer));
    }
}
