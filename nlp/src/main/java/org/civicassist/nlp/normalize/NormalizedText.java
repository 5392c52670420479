package org.civicassist.nlp.normalize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Text after normalisation, with the span in the original text of every character, so that tokens found in the
 * normalised text report offsets into what the citizen typed.
 *
 * @param text   the normalised text
 * @param starts {@code starts[i]}: offset in the original text where normalised character {@code i} came from
 * @param ends   {@code ends[i]}: offset in the original text just after it
 */
public record NormalizedText(String text, int[] starts, int[] ends) {

    public NormalizedText {
        Objects.requireNonNull(text, "text");
        if (starts.length != text.length() || ends.length != text.length()) {
            throw new IllegalArgumentException("one start and one end offset per character");
        }
    }

    public static NormalizedText empty() {
        return new NormalizedText("", new int[0], new int[0]);
    }

    /** Original offset of the span starting at normalised index {@code begin}. */
    public int originalStart(int begin) {
        return starts[begin];
    }

    /** Original offset just after the span ending (exclusively) at normalised index {@code end} (end ≥ 1). */
    public int originalEnd(int end) {
        return ends[end - 1];
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedText other && text.equals(other.text)
                && Arrays.equals(starts, other.starts) && Arrays.equals(ends, other.ends);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return text;
    }
}
