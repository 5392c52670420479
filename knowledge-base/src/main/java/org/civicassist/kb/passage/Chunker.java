package org.civicassist.kb.passage;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts long section text into overlapping chunks at line or sentence ends, so each chunk stays within what the
 * embedding model reads (512 tokens) and a fact near a boundary appears whole in at least one chunk.
 */
public final class Chunker {

    private final int maxChars;
    private final int overlapChars;

    public Chunker(int maxChars, int overlapChars) {
        if (maxChars < 50 || overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("need maxChars >= 50 and 0 <= overlap < maxChars / 2");
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    public static Chunker defaults() {
        return new Chunker(360, 60);
    }

    public List<String> chunk(String text) {
        String t = text.strip();
        if (t.length() <= maxChars) {
            return List.of(t);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < t.length()) {
            int end = Math.min(t.length(), start + maxChars);
            if (end < t.length()) {
                int cut = lastBoundary(t, start + maxChars / 2, end);
                if (cut > start) {
                    end = cut;
                }
            }
            chunks.add(t.substring(start, end).strip());
            if (end >= t.length()) {
                break;
            }
            int next = Math.max(end - overlapChars, start + 1);
            // begin the overlap at a boundary too, so chunks do not start mid-word
            int boundary = lastBoundary(t, next - overlapChars / 2, next);
            start = boundary > start && boundary < end ? boundary : next;
        }
        return chunks;
    }

    /** Index just after the last line break or sentence end in [from, to), or -1. */
    private static int lastBoundary(String t, int from, int to) {
        int best = -1;
        for (int i = Math.max(0, from); i < to; i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                best = i + 1;
            } else if ((c == '。' || c == '；' || c == ';' || c == '！' || c == '？') && (best < 0 || t.charAt(best - 1) != '\n')) {
                best = i + 1;
            }
        }
        return best;
    }
}
