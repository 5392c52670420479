package org.civicassist.kb.passage;

public enum PassageKind {
    /** A FAQ: its question and similar questions are what a citizen's question is matched against. */
    FAQ,
    /** A section of a service guide, or a chunk of a long one. */
    SECTION
}
