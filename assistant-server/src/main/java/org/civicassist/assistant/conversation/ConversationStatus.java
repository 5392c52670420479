package org.civicassist.assistant.conversation;

import java.util.Locale;

/** Who is answering the conversation now. */
public enum ConversationStatus {
    /** The assistant answers. */
    BOT,
    /** Handed off; waiting in the staff queue. */
    WAITING,
    /** A staff member has claimed it and answers. */
    WITH_STAFF,
    /** Ended; no more messages. */
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
