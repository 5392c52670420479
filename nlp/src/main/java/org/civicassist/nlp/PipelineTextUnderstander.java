package org.civicassist.nlp;

import org.civicassist.nlp.intent.AskedPlaces;
import org.civicassist.nlp.intent.AspectDetector;
import org.civicassist.nlp.intent.Signal;
import org.civicassist.nlp.intent.SignalDetector;
import org.civicassist.nlp.normalize.NormalizedText;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.civicassist.nlp.pii.PiiDetector;
import org.civicassist.nlp.pii.PiiMasker;
import org.civicassist.nlp.pii.PiiMatch;
import org.civicassist.nlp.rewrite.AliasLexicon;
import org.civicassist.nlp.rewrite.Correction;
import org.civicassist.nlp.rewrite.HomophoneCorrector;
import org.civicassist.nlp.rewrite.WhereTypos;
import org.civicassist.nlp.safety.SensitiveWordFilter;
import org.civicassist.nlp.segment.Segmenter;
import org.civicassist.nlp.segment.TermDictionary;
import org.civicassist.nlp.segment.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The understanding pipeline, in order:
 * <ol>
 *   <li>normalise (width, traditional characters, case, spaces, invisible characters, emoji);</li>
 *   <li>find personal data: masked in {@link Understanding#masked()}, removed from what is searched;</li>
 *   <li>segment with the domain dictionary;</li>
 *   <li>signals from cue families, abusive words on word boundaries;</li>
 *   <li>correct homophone typos of domain terms (社宝 → 社保), then re-segment;</li>
 *   <li>rewrite aliases word by word to canonical words (社会保障卡 → 社保卡, 咋 → 怎么): the retrieval text;</li>
 *   <li>domain terms and the aspect asked about, from the retrieval text; a message that is only small talk
 *       ("你好", "谢谢 再见") has an empty retrieval text: there is nothing to search for.</li>
 * </ol>
 */
final class PipelineTextUnderstander implements TextUnderstander {

    private final TextNormalizer normalizer;
    private final Segmenter segmenter;
    private final TermDictionary dictionary;
    private final AliasLexicon aliases;
    private final HomophoneCorrector corrector;
    private final PiiDetector pii;
    private final SensitiveWordFilter sensitiveWords;
    private final SignalDetector signalDetector;
    private final AspectDetector aspects;

    PipelineTextUnderstander(TextNormalizer normalizer, Segmenter segmenter, TermDictionary dictionary,
                             AliasLexicon aliases, HomophoneCorrector corrector, PiiDetector pii,
                             SensitiveWordFilter sensitiveWords, SignalDetector signalDetector,
                             AspectDetector aspects) {
        this.normalizer = normalizer;
        this.segmenter = segmenter;
        this.dictionary = dictionary;
        this.aliases = aliases;
        this.corrector = corrector;
        this.pii = pii;
        this.sensitiveWords = sensitiveWords;
        this.signalDetector = signalDetector;
        this.aspects = aspects;
    }

    private static boolean isOnlySmallTalk(Set<Signal> signals) {
        return signals.contains(Signal.GREETING) || signals.contains(Signal.THANKS) || signals.contains(Signal.GOODBYE);
    }

    /** Steps 1 and 2 only: normalised to find the personal data, which is masked in the raw text. */
    @Override
    public String mask(String raw) {
        String text = raw == null ? "" : raw;
        NormalizedText normalized = normalizer.normalize(text);
        return PiiMasker.mask(text, normalized, pii.find(normalized.text()));
    }

    @Override
    public Understanding understand(String raw) {
        String text = raw == null ? "" : raw;
        // 1. normalise
        NormalizedText normalized = normalizer.normalize(text);

        // 2. personal data
        List<PiiMatch> personalData = pii.find(normalized.text());
        String masked = PiiMasker.mask(text, normalized, personalData);
        String searchable = PiiMasker.remove(normalized.text(), personalData);

        // 3. segment
        List<Token> tokens = segmenter.segment(searchable);

        // 4. signals
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        signals.addAll(signalDetector.detect(searchable));
        if (!personalData.isEmpty()) {
            signals.add(Signal.PERSONAL_DATA);
        }
        if (!sensitiveWords.find(searchable, tokens).isEmpty()) {
            signals.add(Signal.ABUSIVE);
        }

        // 5. homophone typos of domain terms, and 那 typed for 哪 in a closing "where" (the corrector never touches
        // function characters, so the two never overlap)
        List<String> notes = new ArrayList<>();
        List<Correction> typos = new ArrayList<>(corrector.correct(searchable, tokens));
        typos.addAll(WhereTypos.find(searchable));
        typos.sort(Comparator.comparingInt(Correction::start));
        String corrected = searchable;
        if (!typos.isEmpty()) {
            typos.forEach(c -> notes.add(c.note()));
            corrected = Correction.apply(searchable, typos);
            tokens = segmenter.segment(corrected);
        }

        // 6. aliases, word by word
        List<Correction> rewrites = new ArrayList<>();
        Set<String> domainTerms = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        for (Token token : tokens) {
            if (HanLpRuntime.isPlaceName(token.text())) {
                places.add(token.text());
            }
            String word = aliases.canonical(token.text()).orElse(token.text());
            if (!word.equals(token.text())) {
                rewrites.add(new Correction(token.start(), token.end(), token.text(), word));
                notes.add(token.text() + "→" + word);
            }
            // 7. domain terms: words naming services or what they concern; a word that is itself a cue of what is
            // asked (工本费) names none, and a follow-up made of it stays with the conversation's service
            if (dictionary.contains(word) && !aspects.isCue(word)) {
                domainTerms.add(word);
            }
        }
        Set<String> askedPlaces = AskedPlaces.find(tokens, HanLpRuntime::isPlaceName,
                w -> dictionary.contains(aliases.canonical(w).orElse(w)));
        String retrievalText = Correction.apply(corrected, rewrites);
        if (isOnlySmallTalk(signals)) {
            // "你好", "谢谢 再见": nothing to search for (small-talk signals are raised only for such messages)
            retrievalText = "";
            domainTerms.clear();
        }
        return new Understanding(text, normalized.text(), retrievalText, masked, notes, domainTerms,
                aspects.detect(retrievalText), signals, places, askedPlaces);
    }
}
