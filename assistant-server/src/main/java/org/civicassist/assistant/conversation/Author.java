package org.civicassist.assistant.conversation;

import java.util.Locale;

/** Who wrote a message of the transcript. */
public enum Author {
    CITIZEN, ASSISTANT, STAFF, SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
