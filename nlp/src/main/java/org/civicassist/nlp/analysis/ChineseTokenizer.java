package org.civicassist.nlp.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.civicassist.nlp.normalize.NormalizedText;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.civicassist.nlp.segment.Segmenter;
import org.civicassist.nlp.segment.Token;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * Normalises the whole input, segments it, and emits the words with offsets into the original input. Tokens made of
 * punctuation or symbols only are skipped (with a position gap, so phrases do not match across them).
 */
final class ChineseTokenizer extends Tokenizer {

    /** Inputs beyond this are cut: nothing a citizen or a KB passage writes needs more, and memory stays bounded. */
    static final int MAX_INPUT_CHARS = 1 << 20;

    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

    private NormalizedText normalized;
    private Iterator<Token> tokens;
    private int finalOffset;

    ChineseTokenizer(TextNormalizer normalizer, Segmenter segmenter) {
        this.normalizer = normalizer;
        this.segmenter = segmenter;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String raw = readAll();
        normalized = normalizer.normalize(raw);
        List<Token> words = segmenter.segment(normalized.text());
        tokens = words.iterator();
        finalOffset = correctOffset(raw.length());
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        int skipped = 0;
        while (tokens.hasNext()) {
            Token token = tokens.next();
            if (!hasLetterOrDigit(token.text())) {
                skipped++;
                continue;
            }
            termAtt.setEmpty().append(token.text());
            offsetAtt.setOffset(correctOffset(normalized.originalStart(token.start())),
                    correctOffset(normalized.originalEnd(token.end())));
            posIncAtt.setPositionIncrement(1 + skipped);
            return true;
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        normalized = null;
        tokens = null;
    }

    private String readAll() throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[4096];
        int n;
        while ((n = input.read(buffer)) != -1 && sb.length() < MAX_INPUT_CHARS) {
            sb.append(buffer, 0, Math.min(n, MAX_INPUT_CHARS - sb.length()));
        }
        return sb.toString();
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || Character.isIdeographic(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
