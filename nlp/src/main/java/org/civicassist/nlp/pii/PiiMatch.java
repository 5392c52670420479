package org.civicassist.nlp.pii;

/** Personal data found at {@code [start, end)} of the text that was scanned. */
public record PiiMatch(PiiKind kind, int start, int end) {

    public PiiMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
