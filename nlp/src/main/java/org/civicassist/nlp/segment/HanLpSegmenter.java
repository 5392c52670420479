package org.civicassist.nlp.segment;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import org.civicassist.nlp.HanLpRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * HanLP's Viterbi segmenter with our own term dictionary, held by this instance (not HanLP's global custom
 * dictionary), and with named-entity recognition off: government questions are about services, and person or place
 * recognition mostly glues words together wrongly.
 *
 * <p>Dictionary terms are merged into the segmentation, not forced: forcing would cut 买房本来 into 买/房本/来 and
 * 居住证明 into 居住证/明 because 房本 and 居住证 are terms; merged, the terms stay whole (社会保障卡, 港澳通行证) and
 * the surrounding words are left alone.
 */
public final class HanLpSegmenter implements Segmenter {

    /** High frequency so that a dictionary term wins over the core dictionary's split of it. */
    private static final String TERM_ATTRIBUTE = "nz 100000";

    private final Segment segment;

    public HanLpSegmenter(TermDictionary dictionary) {
        HanLpRuntime.configure();
        TreeMap<String, CoreDictionary.Attribute> entries = new TreeMap<>();
        for (String term : dictionary.terms()) {
            entries.put(term, CoreDictionary.Attribute.create(TERM_ATTRIBUTE));
        }
        DoubleArrayTrie<CoreDictionary.Attribute> trie = new DoubleArrayTrie<>();
        if (!entries.isEmpty()) {
            trie.build(entries);
        }
        DynamicCustomDictionary custom = new DynamicCustomDictionary(trie, new BinTrie<>(), null);
        this.segment = new ViterbiSegment()
                .enableCustomDictionary(custom)
                .enableCustomDictionaryForcing(false)
                .enableOffset(true)
                .enablePartOfSpeechTagging(false)
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enableNumberQuantifierRecognize(false);
    }

    public static HanLpSegmenter withBundledDictionary() {
        return new HanLpSegmenter(TermDictionary.bundled());
    }

    @Override
    public List<Token> segment(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Term> terms = segment.seg(text);
        List<Token> tokens = new ArrayList<>(terms.size());
        for (Term term : terms) {
            String word = term.word;
            if (word.isBlank()) {
                continue;
            }
            int start = term.offset;
            int end = start + word.length();
            if (start < 0 || end > text.length() || !text.regionMatches(start, word, 0, word.length())) {
                start = text.indexOf(word, tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end());
                if (start < 0) {
                    continue;
                }
                end = start + word.length();
            }
            tokens.add(new Token(word, start, end));
        }
        return tokens;
    }
}
