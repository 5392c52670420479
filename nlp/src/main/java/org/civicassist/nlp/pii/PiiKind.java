package org.civicassist.nlp.pii;

/** Kinds of personal data the detector recognises. */
public enum PiiKind {
    /** 18-digit resident ID number whose birth date and check digit are valid. */
    ID_NUMBER,
    /** Mainland mobile number (11 digits from 13x to 19x, optionally with +86). */
    MOBILE,
    /** Bank card number: 16 to 19 digits passing the Luhn check. */
    BANK_CARD,
    EMAIL
}
