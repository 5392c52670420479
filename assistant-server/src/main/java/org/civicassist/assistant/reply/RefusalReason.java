package org.civicassist.assistant.reply;

/** Why the assistant declined. */
public enum RefusalReason {
    /** Abusive or offensive language. */
    ABUSIVE,
    /** Nothing to answer: empty or unreadable input. */
    EMPTY
}
