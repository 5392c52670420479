package org.civicassist.nlp.normalize;

import org.civicassist.nlp.HanLpRuntime;

import java.util.Arrays;

/**
 * Puts citizen text into one canonical form before anything else looks at it: full-width to half-width, traditional
 * to simplified characters, lower case, one space for any run of white space, no zero-width, control, bidirectional
 * or emoji characters, and a run of the same punctuation mark reduced to one.
 *
 * <p>Every step works character by character, so {@link NormalizedText} maps each output character back to
 * the input. Thread-safe and stateless.
 */
public final class TextNormalizer {

    public TextNormalizer() {
        HanLpRuntime.configure();
    }

    public NormalizedText normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NormalizedText.empty();
        }
        String simplified = toSimplified(raw);
        StringBuilder out = new StringBuilder(raw.length());
        int[] starts = new int[raw.length()];
        int[] ends = new int[raw.length()];
        int i = 0;
        while (i < raw.length()) {
            int cp = simplified.codePointAt(i);
            int width = Character.charCount(cp);
            if (isDropped(cp)) {
                i += width;
                continue;
            }
            int c = foldWidthAndCase(cp);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.CONTROL) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    starts[out.length()] = i;
                    ends[out.length()] = i + width;
                    out.append(' ');
                }
            } else if (isPunctuation(c) && out.length() > 0 && out.codePointBefore(out.length()) == c) {
                // "？？？" carries no more meaning than "?"
            } else {
                for (char ch : Character.toChars(c)) {
                    starts[out.length()] = i;
                    ends[out.length()] = i + width;
                    out.append(ch);
                }
            }
            i += width;
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            end--; // a space is only ever appended after text, so only the end can need trimming
        }
        return new NormalizedText(out.substring(0, end), Arrays.copyOf(starts, end), Arrays.copyOf(ends, end));
    }

    /** Convenience for callers that need only the text. */
    public String normalizeToString(String raw) {
        return normalize(raw).text();
    }

    /**
     * HanLP converts phrase by phrase, which may in principle change the length; we keep the result only when it
     * keeps the length (it nearly always does) and otherwise convert character by character, so offsets stay exact.
     */
    private static String toSimplified(String raw) {
        String converted = HanLpRuntime.toSimplified(raw);
        if (converted.length() == raw.length()) {
            return converted;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            String conv = HanLpRuntime.toSimplified(one);
            sb.append(conv.length() == one.length() ? conv : one);
        });
        return sb.toString();
    }

    private static int foldWidthAndCase(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;
        } else if (cp == 0x3000) {
            cp = ' ';
        }
        if (cp >= 'A' && cp <= 'Z') {
            cp += 'a' - 'A';
        }
        return cp;
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.OTHER_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** Zero-width and formatting characters, bidirectional overrides, variation selectors and emoji. */
    static boolean isDropped(int cp) {
        if (cp == '\n' || cp == '\t' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED) {
            return true;
        }
        if (cp >= 0xFE00 && cp <= 0xFE0F) {
            return true; // variation selectors
        }
        return isEmoji(cp);
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)     // pictographs, emoticons, transport, flags, supplemental symbols
                || (cp >= 0x2600 && cp <= 0x27BF)   // miscellaneous symbols and dingbats
                || (cp >= 0x2B00 && cp <= 0x2BFF)   // arrows and stars used as emoji
                || (cp >= 0xE0020 && cp <= 0xE007F) // tag characters in flag sequences
                || cp == 0x20E3;                    // combining keycap
    }
}
