package org.civicassist.nlp.pii;

/**
 * Kinds of personal data the detector recognises, and how each is masked: a number keeps its shape (each digit or
 * letter becomes {@code *}, separators stay); a name or the house-number part of an address, whose length and shape
 * would say something of it, is replaced by one placeholder.
 */
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
    LANDLINE,
    /** The part of an address that finds a home: house number and below (18号3栋2单元501); the road may stay. */
    ADDRESS("[地址]"),
    /** A personal name after 我叫 / 名字叫 / 姓名 / 我是 / 本人 / 我爸叫 …: a common surname and one or two more. */
    NAME("[姓名]");

    private final String placeholder;

    PiiKind() {
        this(null);
    }

    PiiKind(String placeholder) {
        this.placeholder = placeholder;
    }

    /** What replaces the whole match, or {@code null} when each of its letters and digits becomes {@code *}. */
    public String placeholder() {
        return placeholder;
    }
}
