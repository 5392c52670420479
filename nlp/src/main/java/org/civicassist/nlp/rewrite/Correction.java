package org.civicassist.nlp.rewrite;

/** One replacement in a text: {@code from} at {@code [start, end)} becomes {@code to}. */
public record Correction(int start, int end, String from, String to) {

    public Correction {
        if (start < 0 || end <= start || from.length() != end - start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " for " + from);
        }
    }

    /** Human-readable, for traces: {@code 社宝→社保}. */
    public String note() {
        return from + "→" + to;
    }

    /** {@code text} with the corrections (sorted, not overlapping) applied. */
    public static String apply(String text, java.util.List<Correction> corrections) {
        if (corrections.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int at = 0;
        for (Correction c : corrections) {
            out.append(text, at, c.start()).append(c.to());
            at = c.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
