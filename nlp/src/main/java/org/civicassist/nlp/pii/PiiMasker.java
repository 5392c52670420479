package org.civicassist.nlp.pii;

import org.civicassist.nlp.normalize.NormalizedText;

import java.util.List;

/**
 * Masks personal data in what the citizen typed: in a number or an e-mail address each letter or digit becomes
 * {@code *}, separators and {@code @} stay, so it keeps its shape (and its length) for analytics without the data; a
 * name or the house-number part of an address is replaced by its kind's placeholder ({@code [姓名]}, {@code [地址]}),
 * since its length and shape would say something of them.
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
        StringBuilder out = new StringBuilder(raw.length());
        int at = 0;
        for (PiiMatch m : matches) {
            int from = Math.max(at, normalized.originalStart(m.start()));
            int to = normalized.originalEnd(m.end());
            out.append(raw, at, from);
            if (m.kind().placeholder() != null) {
                out.append(m.kind().placeholder());
            } else {
                for (int i = from; i < to; i++) {
                    char c = raw.charAt(i);
                    out.append(Character.isLetterOrDigit(c) || Character.isSurrogate(c) ? MASK : c);
                }
            }
            at = Math.max(at, to);
        }
        out.append(raw, at, raw.length());
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
    /** Digits, also full-width, possibly grouped by single spaces or hyphens ("110101 19900307 1234"). */
    private static final java.util.regex.Pattern LONG_DIGITS = java.util.regex.Pattern.compile(
            "(?<![0-9０-９])[0-9０-９](?:[ \\-\u3000－]?[0-9０-９]){" + (LONG_RUN - 1) + ",}[xXｘＸ]?");

    /** A number at the end of a message as stored: digits, masked digits, single separators. */
    private static final java.util.regex.Pattern TAIL = java.util.regex.Pattern.compile(
            "[0-9０-９*](?:[ \\-\u3000－]?[0-9０-９*])*\\s*$");
    /** A number at the start of a message: digits, masked digits, single separators, an ID's check character. */
    private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile(
            "^\\s*([0-9０-９*](?:[ \\-\u3000－]?[0-9０-９*])*[xXｘＸ]?)(?![0-9０-９a-zA-Z])");
    /** Joined, at least this many digits are masked even when they form no valid number (a mobile's length). */
    static final int JOINED_RUN = 11;

    /**
     * A message and the citizen's message before it, with a number typed across the two masked in both: the
     * digits ending {@code previous} and those starting {@code current} are joined, and masked when together they
     * form an ID number, a mobile or a bank card, are at least {@value #JOINED_RUN} long with a part already masked,
     * or at least {@value #LONG_RUN} long.
     *
     * @param previous the preceding message as stored (already masked)
     * @param current  this message, already masked on its own
     */
    public static Continued continuing(String previous, String current) {
        if (previous == null || previous.isEmpty() || current.isEmpty()) {
            return new Continued(previous, current);
        }
        java.util.regex.Matcher tail = TAIL.matcher(previous);
        java.util.regex.Matcher head = HEAD.matcher(current);
        if (!tail.find() || !head.find()) {
            return new Continued(previous, current);
        }
        String joined = digits(tail.group()) + digits(head.group(1));
        boolean alreadyMasked = joined.indexOf(MASK) >= 0;
        boolean personal = alreadyMasked ? joined.length() >= JOINED_RUN
                : joined.length() >= LONG_RUN || PiiDetector.classifyDigits(joined) != null;
        if (!personal) {
            return new Continued(previous, current);
        }
        return new Continued(maskSpan(previous, tail.start(), tail.end()),
                maskSpan(current, head.start(1), head.end(1)));
    }

    /** A message and the one before it, each as it may be stored. */
    public record Continued(String previous, String current) {
    }

    private static String digits(String run) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c >= '０' && c <= '９') {
                sb.append((char) (c - '０' + '0'));
            } else if (c >= '0' && c <= '9' || c == MASK) {
                sb.append(c);
            } else if (c == 'x' || c == 'X' || c == 'ｘ' || c == 'Ｘ') {
                sb.append('x');
            }
        }
        return sb.toString();
    }

    private static String maskSpan(String text, int from, int to) {
        StringBuilder out = new StringBuilder(text);
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(out.charAt(i))) {
                out.setCharAt(i, MASK);
            }
        }
        return out.toString();
    }

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
