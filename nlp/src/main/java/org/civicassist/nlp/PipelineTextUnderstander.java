package org.civicassist.nlp;

import org.civicassist.nlp.intent.AspectDetector;
import org.civicassist.nlp.intent.Signal;
import org.civicassist.nlp.normalize.TextNormalizer;

import org.civicassist.nlp.segment.Segmenter;
import org.civicassist.nlp.segment.TermDictionary;
import org.civicassist.nlp.segment.Token;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The understanding pipeline: normalise → canonical terms → aspect → signals → masked form.
 */
final class PipelineTextUnderstander implements TextUnderstander {

    /** Conservative until the dedicated detectors land: any long digit run may be an ID, phone or card number. */
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}[\\dXx]?");

    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final TermDictionary dictionary;
    private final AspectDetector aspects;

    PipelineTextUnderstander(TextNormalizer normalizer, Segmenter segmenter, TermDictionary dictionary,
                             AspectDetector aspects) {
        this.normalizer = normalizer;
        this.segmenter = segmenter;
        this.dictionary = dictionary;
        this.aspects = aspects;
    }

    @Override
    public Understanding understand(String raw) {
        String text = raw == null ? "" : raw;
        String normalized = normalizer.normalize(text).text();
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        String masked = LONG_DIGITS.matcher(text).replaceAll(m -> "*".repeat(m.group().length()));
        if (!masked.equals(text)) {
            signals.add(Signal.PERSONAL_DATA);
        }
        Set<String> domainTerms = new LinkedHashSet<>();
        for (Token token : segmenter.segment(normalized)) {
            if (dictionary.contains(token.text())) {
                domainTerms.add(token.text());
            }
        }
        return new Understanding(text, normalized, normalized, masked, List.of(), domainTerms,
                aspects.detect(normalized), signals);
    }
}
