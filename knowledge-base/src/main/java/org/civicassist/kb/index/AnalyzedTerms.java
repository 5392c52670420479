package org.civicassist.kb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** The terms an analyzer makes of a text: what the index holds of it, or what a query searches for. */
public final class AnalyzedTerms {

    private AnalyzedTerms() {
    }

    /** The distinct terms of {@code text} analysed as {@code field}, in the order they first come. */
    public static Set<String> of(Analyzer analyzer, String field, String text) {
        return of(analyzer, field, text, Integer.MAX_VALUE);
    }

    /** The same, no more than the first {@code limit} distinct terms. */
    public static Set<String> of(Analyzer analyzer, String field, String text, int limit) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < limit) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
