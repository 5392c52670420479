package org.civicassist.kb.io;

import java.util.Objects;

/**
 * One thing wrong in an imported sheet.
 *
 * @param severity {@link Severity#ERROR}: the row was not imported; {@link Severity#WARNING}: imported, but check it
 * @param kind     what kind of problem, for an API or a translated message
 * @param location where it is
 * @param message  what is wrong, in plain words
 */
public record ValidationIssue(Severity severity, Kind kind, SheetLocation location, String message) {

    public enum Severity { ERROR, WARNING }

    public enum Kind {
        /** Two rows with the same id, or a FAQ id that is a guide's id. */
        DUPLICATE_ID,
        /** The same question text in two rows. */
        DUPLICATE_QUESTION,
        EMPTY_QUESTION,
        EMPTY_ANSWER,
        /** An id the knowledge base cannot use (spaces, '#', …). */
        BAD_ID,
        /** The linked guide does not exist in the knowledge base. */
        UNKNOWN_GUIDE,
        CELL_TOO_LONG,
        /** A row with more or fewer cells than the header. */
        WRONG_COLUMN_COUNT,
        /** A sheet of a workbook without the FAQ columns (an instructions sheet, say), not read. */
        SHEET_SKIPPED
    }

    public ValidationIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + " " + location + ": " + message;
    }
}
