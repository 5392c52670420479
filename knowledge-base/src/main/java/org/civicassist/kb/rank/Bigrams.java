package org.civicassist.kb.rank;

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
