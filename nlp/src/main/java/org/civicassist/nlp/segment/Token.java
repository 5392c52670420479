package org.civicassist.nlp.segment;

/**
 * A word found by segmentation: its text and its span in the text that was segmented.
 */
public record Token(String text, int start, int end) {

    public Token {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a token has text");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }
}
