package org.civicassist.kb.io;

import org.apache.poi.ss.util.CellReference;

import java.util.Objects;

/**
 * Where a column is: by its header name (matched like {@link FaqColumn#normalizeHeader}) or by position.
 *
 * @param header the header name, or {@code null} when the column is given by position
 * @param index  0-based position, or -1 when the column is given by name
 */
public record ColumnRef(String header, int index) {

    public ColumnRef {
        if ((header == null) == (index < 0)) {
            throw new IllegalArgumentException("a column is given either by header name or by position");
        }
        if (header != null && FaqColumn.normalizeHeader(header).isEmpty()) {
            throw new IllegalArgumentException("blank header name");
        }
    }

    public static ColumnRef named(String header) {
        return new ColumnRef(Objects.requireNonNull(header, "header"), -1);
    }

    /** 0-based: {@code at(0)} is column A. */
    public static ColumnRef at(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index must be >= 0");
        }
        return new ColumnRef(null, index);
    }

    /** An Excel column letter: {@code letter("B")} is {@code at(1)}. */
    public static ColumnRef letter(String letters) {
        if (letters == null || !letters.strip().matches("[A-Za-z]{1,3}")) {
            throw new IllegalArgumentException("not a column letter: " + letters);
        }
        return at(CellReference.convertColStringToIndex(letters.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    public boolean byName() {
        return header != null;
    }

    @Override
    public String toString() {
        return byName() ? "'" + header + "'" : "column " + CellReference.convertNumToColString(index);
    }
}
