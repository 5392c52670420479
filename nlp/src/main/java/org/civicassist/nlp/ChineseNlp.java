package org.civicassist.nlp;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.civicassist.nlp.analysis.CharBigramAnalyzer;
import org.civicassist.nlp.analysis.ChineseAnalyzer;
import org.civicassist.nlp.intent.AspectDetector;
import org.civicassist.nlp.intent.SignalDetector;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.civicassist.nlp.pii.PiiDetector;
import org.civicassist.nlp.rewrite.HomophoneCorrector;
import org.civicassist.nlp.safety.SensitiveWordFilter;
import org.civicassist.nlp.segment.HanLpSegmenter;
import org.civicassist.nlp.segment.Segmenter;
import org.civicassist.nlp.segment.TermDictionary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nlp module assembled: every component built once from the same word lists, so that indexing and questions
 * are analysed alike (the analyzer's canonical forms and {@link Understanding#retrievalText()} use the same aliases and
 * the same segmentation). Thread-safe; build one per application.
 */
public final class ChineseNlp {

    private final WordLists wordLists;
    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final ChineseAnalyzer wordAnalyzer;
    private final CharBigramAnalyzer bigramAnalyzer;
    private final PiiDetector piiDetector;
    private final SensitiveWordFilter sensitiveWords;
    private final HomophoneCorrector corrector;
    private final TextUnderstander understander;

    private ChineseNlp(WordLists lists) {
        this.wordLists = lists;
        this.normalizer = new TextNormalizer();
        TermDictionary segmentation = lists.dictionary().plus(wholeWords(lists.aliases().words()));
        this.segmenter = new HanLpSegmenter(segmentation);
        this.wordAnalyzer = new ChineseAnalyzer(normalizer, segmenter, new CharArraySet(lists.stopwords(), false),
                lists.aliases().asMap());
        this.bigramAnalyzer = new CharBigramAnalyzer(normalizer);
        this.piiDetector = new PiiDetector();
        this.sensitiveWords = new SensitiveWordFilter(lists.sensitiveWords());
        this.corrector = new HomophoneCorrector(correctionTargets(lists),
                word -> segmentation.contains(word) || HanLpRuntime.isCoreWord(word));
        this.understander = new PipelineTextUnderstander(normalizer, segmenter, lists.dictionary(), lists.aliases(),
                corrector, piiDetector, sensitiveWords, lists.signals(), lists.aspects());
    }

    /** Built from the word lists bundled with the module. */
    public static ChineseNlp bundled() {
        return new ChineseNlp(WordLists.bundled());
    }

    /**
     * Built from the word lists in {@code dir}: each file of {@link WordLists#FILES} present there replaces the
     * bundled one (maintainers edit copies). Fails with file and line on a malformed line.
     */
    public static ChineseNlp load(Path dir) {
        return new ChineseNlp(WordLists.load(dir));
    }

    public static ChineseNlp of(WordLists lists) {
        return new ChineseNlp(lists);
    }

    public WordLists wordLists() {
        return wordLists;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Words: normalised, segmented with the domain dictionary, canonical terms, no stop words. */
    public Analyzer wordAnalyzer() {
        return wordAnalyzer;
    }

    public Analyzer bigramAnalyzer() {
        return bigramAnalyzer;
    }

    public AspectDetector aspectDetector() {
        return wordLists.aspects();
    }

    public SignalDetector signalDetector() {
        return wordLists.signals();
    }

    public PiiDetector piiDetector() {
        return piiDetector;
    }

    public SensitiveWordFilter sensitiveWordFilter() {
        return sensitiveWords;
    }

    public HomophoneCorrector homophoneCorrector() {
        return corrector;
    }

    public TextUnderstander understander() {
        return understander;
    }

    /** Changes whenever a word list changes how text is analysed: part of the index's content key. */
    public String fingerprint() {
        return wordLists.fingerprint();
    }

    /**
     * What a homophone typo may be corrected to: dictionary terms and the other names of dictionary terms (房本),
     * never colloquial words (啥子), which would turn ordinary text into slang.
     */
    private static Set<String> correctionTargets(WordLists lists) {
        Set<String> targets = new LinkedHashSet<>(lists.dictionary().terms());
        lists.aliases().asMap().forEach((alias, canonical) -> {
            if (lists.dictionary().contains(canonical)) {
                targets.add(alias);
            }
        });
        return targets;
    }

    /** Multi-character Chinese words: the segmenter must keep them whole (single characters and Latin it does). */
    private static Set<String> wholeWords(Set<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.length() >= 2 && w.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                out.add(w);
            }
        }
        return new LinkedHashSet<>(out);
    }
}
