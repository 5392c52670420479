package org.civicassist.nlp.pii;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.TextUnderstander;
import org.civicassist.nlp.normalize.TextNormalizer;

import java.util.List;

/** What the masking tests share: the detector's kinds on normalised text, and the bundled understander's mask. */
final class Masking {

    static final TextUnderstander NLP = ChineseNlp.bundled().understander();
    private static final PiiDetector DETECTOR = new PiiDetector();
    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private Masking() {
    }

    /** The kinds of personal data found in {@code text}, normalised as the understander does first. */
    static List<PiiKind> kinds(String text) {
        return DETECTOR.find(NORMALIZER.normalizeToString(text)).stream().map(PiiMatch::kind).toList();
    }
}
