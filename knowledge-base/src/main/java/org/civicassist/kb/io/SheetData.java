package org.civicassist.kb.io;

import java.util.List;

/**
 * The cell texts of one sheet as read, before any mapping.
 *
 * @param name          the sheet name (a CSV file's name)
 * @param rows          rows in sheet order (a CSV file's blank lines included, as blank rows)
 * @param delimitedText read from CSV: every record should have as many cells as the header, and cells may carry the
 *                      formula-escaping apostrophe written by {@link FaqSheetExporter}
 */
record SheetData(String name, List<Row> rows, boolean delimitedText) {

    /** @param number 1-based row number as Excel shows it */
    record Row(int number, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }

        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    SheetData {
        rows = List.copyOf(rows);
    }

    boolean isBlank() {
        return rows.stream().allMatch(Row::isBlank);
    }
}
