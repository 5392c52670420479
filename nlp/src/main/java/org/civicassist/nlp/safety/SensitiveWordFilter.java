package org.civicassist.nlp.safety;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import org.civicassist.nlp.segment.Token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds words of the sensitive and abusive word list ({@code sensitive-words.txt}: one word per line) with HanLP's
 * Aho-Corasick double-array trie, and keeps only those that stand as words of their own: a hit must start where a
 * segmented word starts and end where one ends. So 操 is not found in 操作, nor 妈的 in 他妈妈的, nor a listed word that
 * straddles two words (试测 in 考试/测试); a listed word the segmenter splits (傻/逼) is still found.
 */
public final class SensitiveWordFilter {

    /** A listed word found at {@code [start, end)}. */
    public record Hit(String word, int start, int end) {
    }

    private final AhoCorasickDoubleArrayTrie<String> trie;

    public SensitiveWordFilter(Collection<String> words) {
        TreeMap<String, String> map = new TreeMap<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                map.put(w, w);
            }
        }
        if (map.isEmpty()) {
            trie = null;
        } else {
            trie = new AhoCorasickDoubleArrayTrie<>();
            trie.build(map);
        }
    }

    /** Listed words in {@code text} standing on word boundaries of {@code tokens} (its segmentation). */
    public List<Hit> find(String text, List<Token> tokens) {
        if (trie == null || text.isEmpty()) {
            return List.of();
        }
        List<Hit> raw = new ArrayList<>(0);
        trie.parseText(text, (begin, end, word) -> raw.add(new Hit(word, begin, end)));
        if (raw.isEmpty()) {
            return raw;
        }
        boolean[] starts = new boolean[text.length() + 1];
        boolean[] ends = new boolean[text.length() + 1];
        for (Token t : tokens) {
            starts[t.start()] = true;
            ends[t.end()] = true;
        }
        List<Hit> out = new ArrayList<>(raw.size());
        for (Hit h : raw) {
            if (starts[h.start()] && ends[h.end()]) {
                out.add(h);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return trie == null;
    }
}
