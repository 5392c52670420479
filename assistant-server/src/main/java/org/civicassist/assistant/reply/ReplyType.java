package org.civicassist.assistant.reply;

import java.util.Locale;

/** The four kinds of reply of the public API. */
public enum ReplyType {
    ANSWER, CLARIFY, HANDOFF, REFUSE;

    /** The name on the wire: {@code answer}, {@code clarify}, {@code handoff}, {@code refuse}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReplyType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
