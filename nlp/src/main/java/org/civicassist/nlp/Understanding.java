package org.civicassist.nlp;

import org.civicassist.nlp.intent.Aspect;
import org.civicassist.nlp.intent.Signal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the nlp module makes of one citizen message.
 *
 * @param raw           exactly what was typed
 * @param normalized    after {@link org.civicassist.nlp.normalize.TextNormalizer}
 * @param retrievalText normalised, with colloquial words, abbreviations and homophone typos replaced by canonical
 *                      terms: what retrieval searches with
 * @param masked        the raw text with personal data masked: the only form that may be logged or stored for
 *                      analytics
 * @param corrections   human-readable notes of each replacement made ("社宝→社保"), for traces
 * @param domainTerms   government-service terms of the domain dictionary found in it (社会保障卡, 公积金 …): a
 *                      message without any rarely names a service of its own
 * @param aspect        the aspect of a service asked about, if any
 * @param signals       intent and safety signals for the decision
 * @param places        place names mentioned (上海, 杭州 …): a question about another city's rules is out of the
 *                      local knowledge base's remit
 * @param askedPlaces   those of the places whose own rules or offices the message asks about (上海的低保标准), as
 *                      opposed to where the citizen is or comes from (我在上海上班); see
 *                      {@link org.civicassist.nlp.intent.AskedPlaces}
 */
public record Understanding(String raw, String normalized, String retrievalText, String masked,
                            List<String> corrections, Set<String> domainTerms, Optional<Aspect> aspect,
                            Set<Signal> signals, Set<String> places, Set<String> askedPlaces) {

    public Understanding {
        corrections = List.copyOf(corrections);
        domainTerms = Set.copyOf(domainTerms);
        signals = Set.copyOf(signals);
        places = Set.copyOf(places);
        askedPlaces = Set.copyOf(askedPlaces);
    }

    /** Without places asked about. */
    public Understanding(String raw, String normalized, String retrievalText, String masked, List<String> corrections,
                         Set<String> domainTerms, Optional<Aspect> aspect, Set<Signal> signals, Set<String> places) {
        this(raw, normalized, retrievalText, masked, corrections, domainTerms, aspect, signals, places, Set.of());
    }

    /** Without place names. */
    public Understanding(String raw, String normalized, String retrievalText, String masked, List<String> corrections,
                         Set<String> domainTerms, Optional<Aspect> aspect, Set<Signal> signals) {
        this(raw, normalized, retrievalText, masked, corrections, domainTerms, aspect, signals, Set.of(), Set.of());
    }

    public boolean has(Signal signal) {
        return signals.contains(signal);
    }

    /** True when nothing retrievable is left (empty, or only punctuation and emoji). */
    public boolean isBlank() {
        return retrievalText.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
