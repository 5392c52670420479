package org.civicassist.nlp;

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
}
