package org.civicassist.nlp;

/** Turns a raw citizen message into an {@link Understanding}. Thread-safe. */
public interface TextUnderstander {

    Understanding understand(String raw);
}
