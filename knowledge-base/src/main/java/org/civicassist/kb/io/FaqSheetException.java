package org.civicassist.kb.io;

import java.util.Objects;

/**
 * A spreadsheet that cannot be read or written at all (as opposed to bad rows, which the
 * {@link ValidationReport} lists). The message says what is wrong and what to do, in words for the person who
 * uploaded the file; {@link #reason()} lets an API map it to a code.
 */
public final class FaqSheetException extends RuntimeException {

    public enum Reason {
        /** Neither {@code .csv} nor an Excel workbook. */
        UNSUPPORTED_FILE_TYPE,
        /** Named like a workbook but not one (not a zip / OLE2 container). */
        NOT_A_WORKBOOK,
        /** A password-protected workbook. */
        ENCRYPTED,
        /** A workbook container that POI cannot read: truncated, damaged, or another Office document. */
        CORRUPT,
        /** A CSV file that is binary, or in neither UTF-8 nor GB18030. */
        NOT_TEXT,
        /** A CSV file with broken quoting. */
        MALFORMED_CSV,
        /** No rows at all. */
        EMPTY,
        /** A mapped column, or the question / answer column, is not there. */
        MISSING_COLUMN,
        /** The sheet asked for does not exist. */
        NO_SUCH_SHEET,
        /** Export: a cell longer than Excel allows. */
        CELL_TOO_LONG_FOR_EXCEL,
        /** The file could not be read or written. */
        IO
    }

    private final Reason reason;

    FaqSheetException(Reason reason, String message) {
        this(reason, message, null);
    }

    FaqSheetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
