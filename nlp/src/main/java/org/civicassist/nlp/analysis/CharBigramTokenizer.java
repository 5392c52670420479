package org.civicassist.nlp.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.civicassist.nlp.normalize.NormalizedText;
import org.civicassist.nlp.normalize.TextNormalizer;

import java.io.IOException;

/**
 * Normalises the input and emits overlapping character bigrams of each run of Chinese characters (a lone character
 * as itself) and each Latin or digit run as one token. Matching on bigrams does not depend on segmentation, which
 * makes it robust to words the dictionary does not know.
 */
final class CharBigramTokenizer extends Tokenizer {

    private final TextNormalizer normalizer;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

    private NormalizedText normalized;
    private int pos;
    private int finalOffset;

    CharBigramTokenizer(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[4096];
        int n;
        while ((n = input.read(buffer)) != -1 && sb.length() < ChineseTokenizer.MAX_INPUT_CHARS) {
            sb.append(buffer, 0, Math.min(n, ChineseTokenizer.MAX_INPUT_CHARS - sb.length()));
        }
        normalized = normalizer.normalize(sb.toString());
        pos = 0;
        finalOffset = correctOffset(sb.length());
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        String text = normalized.text();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isHan(c)) {
                int start = pos;
                boolean nextIsHan = pos + 1 < text.length() && isHan(text.charAt(pos + 1));
                boolean prevIsHan = pos > 0 && isHan(text.charAt(pos - 1));
                pos++;
                if (nextIsHan) {
                    emit(text, start, start + 2);
                    return true;
                }
                if (!prevIsHan) {
                    emit(text, start, start + 1); // a lone character
                    return true;
                }
                continue; // the last character of a run was already in the previous bigram
            }
            if (Character.isLetterOrDigit(c)) {
                int start = pos;
                while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos)) && !isHan(text.charAt(pos))) {
                    pos++;
                }
                emit(text, start, pos);
                return true;
            }
            pos++;
        }
        return false;
    }

    private void emit(String text, int start, int end) {
        termAtt.setEmpty().append(text, start, end);
        offsetAtt.setOffset(correctOffset(normalized.originalStart(start)), correctOffset(normalized.originalEnd(end)));
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
