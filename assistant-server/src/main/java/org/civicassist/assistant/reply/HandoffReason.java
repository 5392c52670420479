package org.civicassist.assistant.reply;

/** Why a conversation went to a person. Travels with the conversation to the staff queue. */
public enum HandoffReason {
    /** The citizen asked for a person. */
    REQUESTED,
    /** A complaint, or an angry message. */
    COMPLAINT,
    /** An urgent personal hardship. */
    URGENT_HELP,
    /** An emergency: the citizen was told to call 110 / 119 / 120, and staff are alerted. */
    EMERGENCY,
    /** The assistant is not confident enough in any answer. */
    LOW_CONFIDENCE,
    /** Two turns in a row were not resolved. */
    UNRESOLVED,
    /** The citizen said an answer did not help. */
    NEGATIVE_FEEDBACK
}
