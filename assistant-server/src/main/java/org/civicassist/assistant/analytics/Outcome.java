package org.civicassist.assistant.analytics;

import java.util.Locale;

/** How the assistant dealt with one citizen message, for analytics. */
public enum Outcome {
    /** Answered from the knowledge base. */
    ANSWERED,
    /** Asked the citizen to choose among competing services: not answered yet. */
    CLARIFIED,
    /** Handed to a person. */
    HANDED_OFF,
    /** Declined (abuse, nothing to answer). */
    REFUSED,
    /** A greeting, thanks or a prompt for the question: not a question, left out of the rates. */
    SMALL_TALK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
