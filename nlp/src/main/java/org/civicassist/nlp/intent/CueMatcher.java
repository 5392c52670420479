package org.civicassist.nlp.intent;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import org.civicassist.nlp.lexicon.SourceLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Finds cue phrases in normalised text in one Aho-Corasick pass (HanLP's double-array trie).
 *
 * <p>Cue syntax, one cue per line of a word-list file:
 * <ul>
 *   <li>{@code 转人工} — literal text;</li>
 *   <li>{@code 找个|找一个} — alternatives;</li>
 *   <li>{@code 找…领导|负责人} — parts in order, each within {@value #MAX_GAP} characters after the previous one and
 *       in the same sentence ({@code …} or {@code ...} separates parts). A cue family in one line: "找 … 领导" covers
 *       找你们领导, 找个领导, 找一下你们的领导.</li>
 * </ul>
 *
 * @param <T> what a cue stands for (a signal, an aspect, a modifier)
 */
public final class CueMatcher<T> {

    static final int MAX_GAP = 8;
    private static final Pattern PART_SEPARATOR = Pattern.compile("…+|\\.\\.\\.");

    /** A cue found at {@code [start, end)}. */
    public record Match<T>(T label, int start, int end) {
    }

    private record Cue<T>(T label, List<List<String>> laterParts) {
    }

    private final AhoCorasickDoubleArrayTrie<List<Cue<T>>> firstParts;

    private CueMatcher(AhoCorasickDoubleArrayTrie<List<Cue<T>>> firstParts) {
        this.firstParts = firstParts;
    }

    public static <T> CueMatcher<T> empty() {
        return new CueMatcher<>(null);
    }

    /**
     * @param cues      cue lines by what they stand for
     * @param normalize applied to every alternative, so cues are written like any text and still match normalised
     *                  text
     */
    public static <T> CueMatcher<T> compile(Map<T, List<SourceLine>> cues, UnaryOperator<String> normalize) {
        TreeMap<String, List<Cue<T>>> byFirstPart = new TreeMap<>();
        cues.forEach((label, lines) -> {
            for (SourceLine line : lines) {
                List<List<String>> parts = parse(line, normalize);
                Cue<T> cue = new Cue<>(label, parts.subList(1, parts.size()));
                for (String first : parts.get(0)) {
                    byFirstPart.computeIfAbsent(first, k -> new ArrayList<>()).add(cue);
                }
            }
        });
        if (byFirstPart.isEmpty()) {
            return empty();
        }
        AhoCorasickDoubleArrayTrie<List<Cue<T>>> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(byFirstPart);
        return new CueMatcher<>(trie);
    }

    private static List<List<String>> parse(SourceLine line, UnaryOperator<String> normalize) {
        List<List<String>> parts = new ArrayList<>();
        for (String part : PART_SEPARATOR.split(line.text(), -1)) {
            List<String> alternatives = new ArrayList<>();
            for (String alternative : part.split("\\|", -1)) {
                String normalized = normalize.apply(alternative.strip());
                if (normalized.isEmpty()) {
                    throw line.error("empty part or alternative in cue");
                }
                alternatives.add(normalized);
            }
            parts.add(List.copyOf(alternatives));
        }
        return parts;
    }

    /** Every cue occurrence, by where its first part starts. */
    public List<Match<T>> findAll(String text) {
        if (firstParts == null || text.isEmpty()) {
            return List.of();
        }
        List<Match<T>> out = new ArrayList<>(2);
        firstParts.parseText(text, (begin, end, cues) -> {
            for (Cue<T> cue : cues) {
                int matchEnd = matchLaterParts(text, end, cue.laterParts());
                if (matchEnd >= 0) {
                    out.add(new Match<>(cue.label(), begin, matchEnd));
                }
            }
        });
        return out;
    }

    public boolean isEmpty() {
        return firstParts == null;
    }

    /** End of the last part when each part follows the previous within the gap in the same sentence, or -1. */
    private static int matchLaterParts(String text, int from, List<List<String>> parts) {
        int at = from;
        for (List<String> alternatives : parts) {
            int next = -1;
            int limit = Math.min(text.length(), at + MAX_GAP + 1);
            for (int p = at; p < limit && next < 0 && !isSentenceEnd(text.charAt(p)); p++) {
                for (String alternative : alternatives) {
                    if (text.startsWith(alternative, p)) {
                        next = p + alternative.length();
                        break;
                    }
                }
            }
            if (next < 0) {
                return -1;
            }
            at = next;
        }
        return at;
    }

    static boolean isSentenceEnd(char c) {
        return c == '。' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '！' || c == '？' || c == '；';
    }
}
