package org.civicassist.nlp.pii;

/** Kinds of personal data the detector recognises. */
public enum PiiKind {
    /** 18-digit resident ID number whose birth date and check digit are valid. */
    ID_NUMBER,
    /** Mainland mobile number (11 digits from 13x to 19x, optionally with +86). */
    MOBILE,
    /** Bank card number: 16 to 19 digits passing the Luhn check. */
    BANK_CARD,
    EMAIL,
    /**
     * Fixed-line number: with an area code (0571-87654321, (010)6512345), or a 7- or 8-digit local number right
     * after 电话 / 座机 / 固话. Service numbers (12345, 400-…, 95598) are not landlines.
     */
    LANDLINE
}
