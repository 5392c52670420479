package org.civicassist.nlp.pii;

import org.civicassist.nlp.normalize.NormalizedText;

import java.util.List;

/**
 * Masks personal data in what the citizen typed: each letter or digit of a match becomes {@code *}, separators and
 * {@code @} stay, so the masked text keeps its shape (and its length) for analytics without the data.
 */
public final class PiiMasker {

    public static final char MASK = '*';

    private PiiMasker() {
    }

    /**
     * @param raw        the original text
     * @param normalized its normalisation (the matches refer to {@code normalized.text()})
     * @param matches    personal data found in the normalised text
     */
    public static String mask(String raw, NormalizedText normalized, List<PiiMatch> matches) {
        StringBuilder out = new StringBuilder(raw);
        for (PiiMatch m : matches) {
            int from = normalized.originalStart(m.start());
            int to = normalized.originalEnd(m.end());
            for (int i = from; i < to; i++) {
                char c = raw.charAt(i);
                if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                    out.setCharAt(i, MASK);
                }
            }
        }
        return maskLongDigitRuns(out.toString());
    }

    /**
     * What is logged or stored must not hold an ID or card number even when it fails validation (a citizen's typo
     * is still their number): any run of {@value #LONG_RUN} or more digits, with a trailing X, is masked as well.
     */
    static String maskLongDigitRuns(String text) {
        return LONG_DIGITS.matcher(text).replaceAll(m -> String.valueOf(MASK).repeat(m.group().length()));
    }

    static final int LONG_RUN = 15;
    private static final java.util.regex.Pattern LONG_DIGITS =
            java.util.regex.Pattern.compile("(?<![0-9０-９])[0-9０-９]{" + LONG_RUN + ",}[xXｘＸ]?");

    /** {@code text} (the scanned text itself) with each match replaced by one space: nothing of it is searched. */
    public static String remove(String text, List<PiiMatch> matches) {
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PiiMatch m : matches) {
            out.append(text, at, m.start()).append(' ');
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
