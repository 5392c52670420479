package org.civicassist.kb.io;

/**
 * Where something is in a spreadsheet, as a person finds it in Excel.
 *
 * @param sheet  the sheet name (for a CSV file, the file name)
 * @param row    1-based row number as Excel shows it
 * @param column the column's header (or letter), or {@code null} when the whole row is meant
 */
public record SheetLocation(String sheet, int row, String column) {

    @Override
    public String toString() {
        return "sheet '" + sheet + "' row " + row + (column == null ? "" : ", column " + column);
    }
}
