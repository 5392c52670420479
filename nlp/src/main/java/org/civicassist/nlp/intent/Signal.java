package org.civicassist.nlp.intent;

/** Something about a message, other than its topic, that the decision must act on. */
public enum Signal {
    /** Asks for a person: 转人工, 人工客服, 找真人 … */
    HUMAN_REQUEST,
    /** Complains about staff, a service or the assistant. */
    COMPLAINT,
    /** Angry or abusive in tone. */
    ANGER,
    /** An urgent personal hardship that needs a person (求助). */
    URGENT_HELP,
    /**
     * Asks the assistant to look up or work out the citizen's own records (帮我查一下我的…, 给我算算我能退多少):
     * it sees none, so it says where to look.
     */
    OWN_RECORD,
    GREETING,
    THANKS,
    GOODBYE,
    /** Fire: call 119 now. */
    EMERGENCY_FIRE,
    /** Someone is hurt or ill: call 120 now. */
    EMERGENCY_MEDICAL,
    /** A crime or danger to life: call 110 now. */
    EMERGENCY_POLICE,
    /** Contains words from the sensitive or abusive word list. */
    ABUSIVE,
    /** Contains personal data (ID number, phone, bank card, e-mail). */
    PERSONAL_DATA;

    public boolean isEmergency() {
        return this == EMERGENCY_FIRE || this == EMERGENCY_MEDICAL || this == EMERGENCY_POLICE;
    }
}
