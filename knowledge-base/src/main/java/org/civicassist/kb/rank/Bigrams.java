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
        char prev = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                prev = 0;
                continue;
            }
            if (prev != 0) {
                out.add("" + prev + c);
            }
            prev = c;
        }
        return out;
    }

    /**
     * The same bigrams, each as one int (its two chars), sorted and distinct: what the ranker compares a question
     * with the phrasings of every candidate in, computed once per passage instead of once per question.
     */
    static int[] codes(String text) {
        int[] all = new int[Math.max(0, text.length() - 1)];
        int n = 0;
        char prev = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                prev = 0;
                continue;
            }
            if (prev != 0) {
                all[n++] = prev << 16 | c;
            }
            prev = c;
        }
        int[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
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
