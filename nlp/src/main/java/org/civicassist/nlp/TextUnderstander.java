package org.civicassist.nlp;

import org.civicassist.nlp.pii.PiiMasker;

/** Turns a raw citizen message into an {@link Understanding}. Thread-safe. */
public interface TextUnderstander {

    Understanding understand(String raw);

    /**
     * {@link Understanding#masked()} of {@code raw} without the rest of the understanding: the raw text with personal
     * data masked, for text that may be logged, stored or sent out of the process. Implementations that can mask
     * without understanding the whole message override this; the result must stay the same.
     */
    default String mask(String raw) {
        return understand(raw).masked();
    }

    /**
     * {@code current} (already masked on its own) and the citizen's message before it, with a number typed across
     * the two (an ID number sent in two parts) masked in both; see {@link PiiMasker#continuing}.
     */
    default PiiMasker.Continued maskContinuing(String previous, String current) {
        return PiiMasker.continuing(previous, current);
    }
}
