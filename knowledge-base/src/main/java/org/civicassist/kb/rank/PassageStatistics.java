package org.civicassist.kb.rank;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the ranker needs to know of every passage up front: its words (all of them, those of its question phrasings
 * or heading, those of its title), and how rare each word is across passages, so that covering 补办 counts more than
 * covering 办理.
 */
public final class PassageStatistics {

    /** The words of one passage, by part. */
    public record PassageWords(Set<String> all, Set<String> questions, Set<String> title) {
    }

    private final List<PassageWords> words;
    /** Each passage's title words joined by a character no word holds: one search finds a word inside any of them. */
    private final List<String> titleWordsJoined;
    private final Map<String, Double> idf = new HashMap<>();
    /** The IDF a word of a single passage has: what a word the KB never mentions weighs at least. */
    private final double rareIdf;

    public PassageStatistics(List<PassageWords> wordsPerPassage) {
        this.words = List.copyOf(wordsPerPassage);
        this.titleWordsJoined = words.stream().map(ws -> String.join("\u0000", ws.title())).toList();
        Map<String, Integer> df = new HashMap<>();
        for (PassageWords ws : words) {
            for (String w : ws.all()) {
                df.merge(w, 1, Integer::sum);
            }
        }
        int n = Math.max(1, words.size());
        df.forEach((w, d) -> idf.put(w, Math.log(1 + (n - d + 0.5) / (d + 0.5))));
        rareIdf = Math.log(1 + (n - 1 + 0.5) / 1.5);
    }

    /**
     * IDF-weighted share of the question's words that no passage contains, each weighted as a word of one passage:
     * the coverage features leave such words out, so a question mostly about something the KB never mentions
     * (今天下不下雨) could look fully covered by whatever shares its other words.
     */
    public double unknownShare(Set<String> queryWords) {
        double total = 0;
        double unknown = 0;
        for (String w : queryWords) {
            Double weight = idf.get(w);
            total += weight == null ? rareIdf : weight;
            unknown += weight == null ? rareIdf : 0;
        }
        return total == 0 ? 0 : unknown / total;
    }

    /** Whether any passage contains the word. */
    public boolean knows(String word) {
        return idf.containsKey(word);
    }

    public double coverage(int ord, Set<String> queryWords) {
        return covered(words.get(ord).all(), queryWords);
    }

    public double questionCoverage(int ord, Set<String> queryWords) {
        return covered(words.get(ord).questions(), queryWords);
    }

    /** Coverage of the question's words that the passage's title lacks (0 when the title holds them all). */
    public double residualCoverage(int ord, Set<String> queryWords) {
        Set<String> title = words.get(ord).title();
        Set<String> rest = new HashSet<>();
        for (String w : queryWords) {
            if (!title.contains(w)) {
                rest.add(w);
            }
        }
        return covered(words.get(ord).all(), rest);
    }

    public double titleCoverage(int ord, Set<String> queryWords) {
        return covered(words.get(ord).title(), queryWords);
    }

    /**
     * As {@link #titleCoverage}, a question word counting as in the title when a word of the title holds it (补 in
     * 补领, 证 in 结婚证): a vague question (想补个证) is in the titles of every service it may mean, where its words as
     * words are in none.
     */
    public double titleContainment(int ord, Set<String> queryWords) {
        String title = titleWordsJoined.get(ord);
        return covered(title::contains, queryWords);
    }

    /** IDF-weighted share of the question's words in {@code passageWords} (words unknown to the KB ignored). */
    private double covered(Set<String> passageWords, Set<String> queryWords) {
        return covered(passageWords::contains, queryWords);
    }

    private double covered(Predicate<String> found, Set<String> queryWords) {
        double total = 0;
        double foundWeight = 0;
        for (String w : queryWords) {
            Double weight = idf.get(w);
            if (weight == null) {
                continue;
            }
            total += weight;
            if (found.test(w)) {
                foundWeight += weight;
            }
        }
        return total == 0 ? 0 : foundWeight / total;
    }
}
