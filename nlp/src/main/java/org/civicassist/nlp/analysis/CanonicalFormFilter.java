package org.civicassist.nlp.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.Map;

/** Replaces a word by its canonical form (社保卡 → 社会保障卡), keeping its offsets. */
final class CanonicalFormFilter extends TokenFilter {

    private final Map<String, String> canonicalForms;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    CanonicalFormFilter(TokenStream input, Map<String, String> canonicalForms) {
        super(input);
        this.canonicalForms = canonicalForms;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String canonical = canonicalForms.get(termAtt.toString());
        if (canonical != null) {
            termAtt.setEmpty().append(canonical);
        }
        return true;
    }
}
