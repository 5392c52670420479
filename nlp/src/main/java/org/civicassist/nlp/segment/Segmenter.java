package org.civicassist.nlp.segment;

import java.util.List;

/**
 * Splits normalised Chinese (and mixed) text into words. Implementations are thread-safe.
 */
public interface Segmenter {

    /** Words of {@code text} in order, with spans into {@code text}; white space yields no token. */
    List<Token> segment(String text);
}
