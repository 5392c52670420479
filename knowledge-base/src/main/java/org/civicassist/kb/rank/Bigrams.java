package org.civicassist.kb.rank;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Character bigrams of normalised text, ignoring anything that is not a letter or digit. */
final class Bigrams {

    private Bigrams() {
    }

    static Set<String> of(String text) {
        Set<String> out = new HashSet<>();
        scan(text, (first, second) -> out.add("" + first + second));
        return out;
    }

    /**
     * The same bigrams, each as one int (its two chars), sorted and distinct: what the ranker compares a question
     * with the phrasings of every candidate in, computed once per passage instead of once per question.
     */
    static int[] codes(String text) {
        int[] all = new int[Math.max(0, text.length() - 1)];
        int[] n = {0};
        scan(text, (first, second) -> all[n[0]++] = first << 16 | second);
        return distinctSorted(Arrays.copyOf(all, n[0]));
    }

    /** Each pair of adjacent letters or digits of the text, in order, repeats included. */
    private static void scan(String text, CharPair pair) {
        char prev = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                prev = 0;
                continue;
            }
            if (prev != 0) {
                pair.accept(prev, c);
            }
            prev = c;
        }
    }

    private interface CharPair {
        void accept(char first, char second);
    }

    /** The codes sorted, each once (sorted in place). */
    private static int[] distinctSorted(int[] codes) {
        Arrays.sort(codes);
        int distinct = 0;
        for (int i = 0; i < codes.length; i++) {
            if (i == 0 || codes[i] != codes[i - 1]) {
                codes[distinct++] = codes[i];
            }
        }
        return Arrays.copyOf(codes, distinct);
    }

    /** {@link #dice(Set, Set)} of two texts' {@link #codes}. */
    static double dice(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
