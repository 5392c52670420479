package org.civicassist.kb.rank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ranker needs to know of every passage up front: its set of words, and how rare each word is across
 * passages (so that covering 补办 counts more than covering 办理).
 */
public final class PassageStatistics {

    private final List<Set<String>> words;
    private final Map<String, Double> idf = new HashMap<>();

    public PassageStatistics(List<Set<String>> wordsPerPassage) {
        this.words = List.copyOf(wordsPerPassage);
        Map<String, Integer> df = new HashMap<>();
        for (Set<String> ws : words) {
            for (String w : ws) {
                df.merge(w, 1, Integer::sum);
            }
        }
        int n = Math.max(1, words.size());
        df.forEach((w, d) -> idf.put(w, Math.log(1 + (n - d + 0.5) / (d + 0.5))));
    }

    /** IDF-weighted share of the question's words that the passage contains (words unknown to the KB ignored). */
    public double coverage(int ord, Set<String> queryWords) {
        double total = 0;
        double found = 0;
        Set<String> passageWords = words.get(ord);
        for (String w : queryWords) {
            Double weight = idf.get(w);
            if (weight == null) {
                continue;
            }
            total += weight;
            if (passageWords.contains(w)) {
                found += weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }
}
