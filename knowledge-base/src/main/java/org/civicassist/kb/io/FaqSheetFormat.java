package org.civicassist.kb.io;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a FAQ spreadsheet is laid out. {@link #defaults()} suits what offices usually keep: a header row naming the
 * columns (问题, 答案, 相似问法, 所属领域, 关联指南, 编号 or their English names), similar questions in one cell one per line
 * or separated by {@code |}, every visible sheet of a workbook read. Columns not mapped explicitly are found by their
 * usual header names.
 *
 * @param columns           explicit column mappings; the others are recognised by {@link FaqColumn#headerNames()}
 * @param headerRow         whether the sheet has a header row (within its first rows, above the data); without one,
 *                          question and answer must be mapped by position
 * @param similarSeparators what separates similar questions in one cell; export joins with the first
 * @param sheet             the only sheet of a workbook to read, or empty for every visible sheet
 * @param csvDelimiter      the field delimiter of CSV files
 * @param limits            cell lengths beyond which the report warns
 */
public record FaqSheetFormat(Map<FaqColumn, ColumnRef> columns, boolean headerRow, List<String> similarSeparators,
                             Optional<String> sheet, char csvDelimiter, CellLimits limits) {

    /** How many rows at the top of a sheet may precede the header row (a title, a note). */
    static final int HEADER_SEARCH_ROWS = 10;

    /**
     * Lengths (in characters) beyond which a cell is reported as too long: a question that long is usually a
     * mis-mapped column, and an answer beyond what the embedding model reads (about 500 characters with its
     * question) is matched on its beginning only.
     */
    public record CellLimits(int maxQuestionChars, int maxAnswerChars, int maxOtherChars) {
        public CellLimits {
            if (maxQuestionChars < 1 || maxAnswerChars < 1 || maxOtherChars < 1) {
                throw new IllegalArgumentException("cell limits must be positive");
            }
        }

        public static CellLimits defaults() {
            return new CellLimits(200, 2000, 100);
        }
    }

    public FaqSheetFormat {
        Map<FaqColumn, ColumnRef> copy = new EnumMap<>(FaqColumn.class);
        copy.putAll(Objects.requireNonNull(columns, "columns"));
        columns = Collections.unmodifiableMap(copy);
        similarSeparators = List.copyOf(similarSeparators);
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(limits, "limits");
        if (similarSeparators.isEmpty() || similarSeparators.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("need at least one non-empty separator for similar questions");
        }
        if (csvDelimiter == '"' || csvDelimiter == '\n' || csvDelimiter == '\r') {
            throw new IllegalArgumentException("bad CSV delimiter");
        }
        if (!headerRow) {
            for (FaqColumn column : FaqColumn.values()) {
                ColumnRef ref = columns.get(column);
                if (ref != null && ref.byName()) {
                    throw new IllegalArgumentException(column + " is mapped by header name, but the sheet has no header row");
                }
                if (ref == null && column.required()) {
                    throw new IllegalArgumentException("without a header row, " + column + " must be mapped by position");
                }
            }
        }
    }

    public static FaqSheetFormat defaults() {
        return new FaqSheetFormat(Map.of(), true, List.of("\n", "|", "｜"), Optional.empty(), ',',
                CellLimits.defaults());
    }

    public FaqSheetFormat withColumn(FaqColumn column, ColumnRef ref) {
        Map<FaqColumn, ColumnRef> copy = new EnumMap<>(FaqColumn.class);
        copy.putAll(columns);
        copy.put(column, ref);
        return new FaqSheetFormat(copy, headerRow, similarSeparators, sheet, csvDelimiter, limits);
    }

    /** Every column by position, no header row: {@code positions} must include question and answer. */
    public FaqSheetFormat withoutHeaderRow(Map<FaqColumn, Integer> positions) {
        Map<FaqColumn, ColumnRef> refs = new EnumMap<>(FaqColumn.class);
        positions.forEach((column, index) -> refs.put(column, ColumnRef.at(index)));
        return new FaqSheetFormat(refs, false, similarSeparators, sheet, csvDelimiter, limits);
    }

    public FaqSheetFormat withSimilarSeparators(String... separators) {
        return new FaqSheetFormat(columns, headerRow, List.of(separators), sheet, csvDelimiter, limits);
    }

    public FaqSheetFormat withSheet(String sheetName) {
        return new FaqSheetFormat(columns, headerRow, similarSeparators, Optional.of(sheetName), csvDelimiter, limits);
    }

    public FaqSheetFormat withCsvDelimiter(char delimiter) {
        return new FaqSheetFormat(columns, headerRow, similarSeparators, sheet, delimiter, limits);
    }

    public FaqSheetFormat withLimits(CellLimits cellLimits) {
        return new FaqSheetFormat(columns, headerRow, similarSeparators, sheet, csvDelimiter, cellLimits);
    }

    /** The header written on export for a column: its explicit name if mapped by name, else the usual Chinese one. */
    public String exportHeader(FaqColumn column) {
        ColumnRef ref = columns.get(column);
        return ref != null && ref.byName() ? ref.header() : column.defaultHeader();
    }
}
