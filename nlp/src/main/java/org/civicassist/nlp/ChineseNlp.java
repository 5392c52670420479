package org.civicassist.nlp;

import org.apache.lucene.analysis.Analyzer;
import org.civicassist.nlp.analysis.CharBigramAnalyzer;
import org.civicassist.nlp.analysis.ChineseAnalyzer;
import org.civicassist.nlp.intent.AspectDetector;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.civicassist.nlp.segment.HanLpSegmenter;
import org.civicassist.nlp.segment.Segmenter;
import org.civicassist.nlp.segment.TermDictionary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The nlp module assembled: every component built once from the same word lists, so that indexing and questions
 * are analysed alike. Thread-safe; build one per application.
 */
public final class ChineseNlp {

    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final ChineseAnalyzer wordAnalyzer;
    private final CharBigramAnalyzer bigramAnalyzer;
    private final AspectDetector aspectDetector;
    private final TextUnderstander understander;
    private final String fingerprint;

    private ChineseNlp(TermDictionary dictionary) {
        this.normalizer = new TextNormalizer();
        this.segmenter = new HanLpSegmenter(dictionary);
        this.wordAnalyzer = new ChineseAnalyzer(normalizer, segmenter, ChineseAnalyzer.bundledStopwords(), Map.of());
        this.bigramAnalyzer = new CharBigramAnalyzer(normalizer);
        this.aspectDetector = new AspectDetector();
        this.understander = new PipelineTextUnderstander(normalizer, segmenter, dictionary, aspectDetector);
        this.fingerprint = digest(String.join("\n", dictionary.terms()));
    }

    /** Built from the word lists bundled with the module. */
    public static ChineseNlp bundled() {
        return new ChineseNlp(TermDictionary.bundled());
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
        return aspectDetector;
    }

    public TextUnderstander understander() {
        return understander;
    }

    /** Changes whenever a word list changes how text is analysed: part of the index's content key. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
