package org.civicassist.kb.io;

import org.apache.poi.ss.util.CellReference;
import org.civicassist.kb.io.ValidationIssue.Kind;
import org.civicassist.kb.io.ValidationIssue.Severity;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads FAQs from a spreadsheet (CSV, or an Excel workbook) laid out as a {@link FaqSheetFormat} describes, checks
 * them against the knowledge base's guides, and reports every problem with its sheet and row. A file that cannot be
 * read at all throws {@link FaqSheetException} with a message for the person who uploaded it.
 *
 * <pre>{@code
 * FaqImport result = new FaqSheetImporter(FaqSheetFormat.defaults()).read(Path.of("faq.xlsx"), kb.guides());
 * System.out.print(result.report().render());
 * if (!result.report().hasErrors()) {
 *     FaqJsonl.write(kbDir.resolve("faq.jsonl"), result.faqs());
 * }
 * }</pre>
 */
public final class FaqSheetImporter {

    private final FaqSheetFormat format;
    private final Pattern similarSeparator;
    private final Map<FaqColumn, Set<String>> headerNames = new EnumMap<>(FaqColumn.class);

    public FaqSheetImporter(FaqSheetFormat format) {
        this.format = format;
        this.similarSeparator = Pattern.compile(format.similarSeparators().stream().map(Pattern::quote)
                .collect(Collectors.joining("|")));
        for (FaqColumn column : FaqColumn.values()) {
            headerNames.put(column, column.headerNames().stream().map(FaqColumn::normalizeHeader)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
    }

    /** Reads {@code file}; its extension says what it is ({@code .csv}, {@code .xlsx}, {@code .xls}). */
    public FaqImport read(Path file, Collection<Guide> guides) {
        String name = file.getFileName().toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FaqSheetException(FaqSheetException.Reason.IO, name + " does not exist", e);
        } catch (IOException e) {
            throw new FaqSheetException(FaqSheetException.Reason.IO, "cannot read " + name + ": " + e.getMessage(), e);
        }
        return read(name, content, guides);
    }

    /** Reads an uploaded file; {@code fileName} (its extension) says what it is. */
    public FaqImport read(String fileName, byte[] content, Collection<Guide> guides) {
        List<SheetData> sheets = selectedSheets(fileName, content);
        Map<String, Guide> guidesById = guides.stream().collect(Collectors.toMap(Guide::id, Function.identity(),
                (a, b) -> a));
        List<ValidationIssue> issues = new ArrayList<>();
        List<FaqImport.ImportedFaq> imported = new ArrayList<>();
        Map<String, SheetLocation> ids = new HashMap<>();
        Map<String, FaqImport.ImportedFaq> questions = new HashMap<>();
        int rowsRead = 0;

        List<SheetData> withRows = sheets.stream().filter(s -> !s.isBlank()).toList();
        List<Layout> layouts = new ArrayList<>();
        for (SheetData sheet : withRows) {
            Layout layout = layout(sheet);
            if (layout.problem() == null) {
                layouts.add(layout);
            } else if (withRows.size() == 1 || format.sheet().isPresent()) {
                throw new FaqSheetException(FaqSheetException.Reason.MISSING_COLUMN, layout.problem());
            } else {
                issues.add(new ValidationIssue(Severity.WARNING, Kind.SHEET_SKIPPED,
                        new SheetLocation(sheet.name(), sheet.rows().get(0).number(), null),
                        "sheet not read: " + layout.problem()));
            }
        }
        if (layouts.isEmpty()) {
            throw new FaqSheetException(FaqSheetException.Reason.MISSING_COLUMN, fileName
                    + ": no sheet has the FAQ columns. " + issues.stream().map(ValidationIssue::message)
                    .collect(Collectors.joining(" ")));
        }

        for (Layout layout : layouts) {
            for (SheetData.Row row : layout.sheet().rows()) {
                if (row.number() <= layout.headerRow() || row.isBlank()) {
                    continue;
                }
                rowsRead++;
                new RowReader(layout, row, guidesById, issues).read().ifPresent(faq -> {
                    if (unique(faq, ids, questions, guidesById, issues)) {
                        imported.add(faq);
                    }
                });
            }
        }
        issues.sort(java.util.Comparator.comparing((ValidationIssue i) -> sheets.indexOf(sheetNamed(sheets,
                i.location().sheet()))).thenComparingInt(i -> i.location().row()));
        return new FaqImport(imported, new ValidationReport(fileName, rowsRead, imported.size(), issues));
    }

    private static SheetData sheetNamed(List<SheetData> sheets, String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private List<SheetData> selectedSheets(String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        List<SheetData> sheets;
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            sheets = List.of(CsvSheetReader.read(fileName, content, format.csvDelimiter()));
        } else if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")) {
            sheets = WorkbookSheetReader.read(fileName, content);
            if (format.sheet().isPresent()) {
                String wanted = format.sheet().get().strip();
                sheets = sheets.stream().filter(s -> s.name().strip().equals(wanted)).toList();
                if (sheets.isEmpty()) {
                    throw new FaqSheetException(FaqSheetException.Reason.NO_SUCH_SHEET, fileName
                            + " has no visible sheet named '" + wanted + "'; its sheets are: "
                            + WorkbookSheetReader.read(fileName, content).stream().map(s -> "'" + s.name() + "'")
                            .collect(Collectors.joining(", ")));
                }
            }
        } else {
            throw new FaqSheetException(FaqSheetException.Reason.UNSUPPORTED_FILE_TYPE, fileName
                    + ": unsupported file type; upload an Excel workbook (.xlsx) or a CSV file (.csv)");
        }
        if (sheets.stream().allMatch(SheetData::isBlank)) {
            throw new FaqSheetException(FaqSheetException.Reason.EMPTY, sheets.size() == 1
                    ? fileName + ": sheet '" + sheets.get(0).name() + "' is empty"
                    : fileName + ": the workbook has no rows");
        }
        return sheets;
    }

    // ---- layout: where the header row and each column are ----

    /**
     * @param headerRow number of the header row, 0 without one
     * @param width     cells in the header row (or the first row): what every CSV record should have
     * @param problem   why the sheet has no usable layout, or {@code null}
     */
    private record Layout(SheetData sheet, int headerRow, int width, Map<FaqColumn, Integer> positions,
                          List<String> headers, String problem) {

        static Layout failed(SheetData sheet, String problem) {
            return new Layout(sheet, 0, 0, Map.of(), List.of(), problem);
        }

        String label(int index) {
            String header = index < headers.size() ? headers.get(index).strip() : "";
            String letter = CellReference.convertNumToColString(index);
            return header.isEmpty() ? letter : letter + " (" + header + ")";
        }
    }

    private Layout layout(SheetData sheet) {
        List<SheetData.Row> rows = sheet.rows().stream().filter(r -> !r.isBlank()).toList();
        if (!format.headerRow()) {
            Map<FaqColumn, Integer> positions = new EnumMap<>(FaqColumn.class);
            format.columns().forEach((column, ref) -> positions.put(column, ref.index()));
            return new Layout(sheet, 0, rows.get(0).cells().size(), positions, List.of(), null);
        }
        String firstProblem = null;
        for (SheetData.Row row : rows.subList(0, Math.min(rows.size(), FaqSheetFormat.HEADER_SEARCH_ROWS))) {
            List<String> names = row.cells().stream().map(FaqColumn::normalizeHeader).toList();
            Map<FaqColumn, Integer> positions = new EnumMap<>(FaqColumn.class);
            List<String> missing = new ArrayList<>();
            // explicitly mapped columns first, so that recognising a usual header name never takes their place
            format.columns().forEach((column, ref) -> {
                int at = ref.byName() ? names.indexOf(FaqColumn.normalizeHeader(ref.header())) : ref.index();
                if (at < 0) {
                    missing.add("'" + ref.header() + "' (mapped as " + column.name().toLowerCase(Locale.ROOT) + ")");
                } else {
                    positions.put(column, at);
                }
            });
            for (FaqColumn column : FaqColumn.values()) {
                if (format.columns().containsKey(column)) {
                    continue;
                }
                int at = -1;
                for (int i = 0; i < names.size() && at < 0; i++) {
                    if (headerNames.get(column).contains(names.get(i)) && !positions.containsValue(i)) {
                        at = i;
                    }
                }
                if (at >= 0) {
                    positions.put(column, at);
                } else if (column.required()) {
                    missing.add("'" + column.defaultHeader() + "' (or " + String.join(", ",
                            column.headerNames().subList(1, column.headerNames().size())) + ")");
                }
            }
            if (missing.isEmpty()) {
                return new Layout(sheet, row.number(), row.cells().size(), positions, row.cells(), null);
            }
            if (firstProblem == null) {
                firstProblem = "sheet '" + sheet.name() + "' has no column " + String.join(" or ", missing)
                        + " in a header row within its first " + FaqSheetFormat.HEADER_SEARCH_ROWS
                        + " rows; row " + row.number() + " reads: " + row.cells().stream()
                        .filter(c -> !c.isBlank()).map(c -> "'" + abbreviate(c, 20) + "'")
                        .collect(Collectors.joining(", "));
            }
        }
        return Layout.failed(sheet, firstProblem);
    }

    // ---- one row ----

    private final class RowReader {
        private final Layout layout;
        private final SheetData.Row row;
        private final Map<String, Guide> guides;
        private final List<ValidationIssue> issues;
        private boolean failed;

        RowReader(Layout layout, SheetData.Row row, Map<String, Guide> guides, List<ValidationIssue> issues) {
            this.layout = layout;
            this.row = row;
            this.guides = guides;
            this.issues = issues;
        }

        Optional<FaqImport.ImportedFaq> read() {
            if (!columnCountFits()) {
                return Optional.empty();
            }
            String question = value(FaqColumn.QUESTION);
            String answer = value(FaqColumn.ANSWER);
            String id = value(FaqColumn.ID);
            String domain = value(FaqColumn.DOMAIN);
            String guideId = value(FaqColumn.GUIDE);
            if (question.isEmpty()) {
                error(Kind.EMPTY_QUESTION, FaqColumn.QUESTION, "empty question");
            }
            if (answer.isEmpty()) {
                error(Kind.EMPTY_ANSWER, FaqColumn.ANSWER, "empty answer");
            }
            if (!id.isEmpty() && !FaqIds.isValid(id)) {
                error(Kind.BAD_ID, FaqColumn.ID, "id '" + abbreviate(id, 40)
                        + "' is not usable: use letters, digits, '.', '_', ':' or '-' (no spaces, no Chinese, no '#')");
            }
            Guide guide = guideId.isEmpty() ? null : guides.get(guideId);
            if (!guideId.isEmpty() && guide == null) {
                error(Kind.UNKNOWN_GUIDE, FaqColumn.GUIDE, "guide '" + abbreviate(guideId, 40)
                        + "' does not exist in the knowledge base");
            }
            if (failed) {
                return Optional.empty();
            }
            List<String> similar = similar(question);
            checkLength(FaqColumn.QUESTION, question, format.limits().maxQuestionChars());
            similar.forEach(s -> checkLength(FaqColumn.SIMILAR, s, format.limits().maxQuestionChars()));
            checkLength(FaqColumn.ANSWER, answer, format.limits().maxAnswerChars());
            checkLength(FaqColumn.ID, id, format.limits().maxOtherChars());
            checkLength(FaqColumn.DOMAIN, domain, format.limits().maxOtherChars());

            boolean generated = id.isEmpty();
            Faq faq = new Faq(generated ? FaqIds.fromQuestion(question) : id,
                    domain.isEmpty() && guide != null ? guide.domain() : domain,
                    question, similar, answer, guide == null ? null : guide.id());
            return Optional.of(new FaqImport.ImportedFaq(faq, location(null), generated));
        }

        private boolean columnCountFits() {
            List<String> cells = row.cells();
            boolean extraContent = cells.subList(Math.min(layout.width(), cells.size()), cells.size()).stream()
                    .anyMatch(c -> !c.isBlank());
            if (layout.sheet().delimitedText() && cells.size() != layout.width()) {
                issues.add(new ValidationIssue(Severity.ERROR, Kind.WRONG_COLUMN_COUNT, location(null),
                        "the row has " + cells.size() + " cells but the " + (layout.headerRow() > 0 ? "header" : "first row")
                                + " has " + layout.width() + "; a delimiter or line break inside a cell is probably "
                                + "not quoted (row skipped)"));
                return false;
            }
            if (extraContent && layout.headerRow() > 0) {
                issues.add(new ValidationIssue(Severity.WARNING, Kind.WRONG_COLUMN_COUNT, location(null),
                        "cells right of the last header column (from column "
                                + CellReference.convertNumToColString(layout.width()) + ") are ignored"));
            }
            return true;
        }

        private String value(FaqColumn column) {
            Integer at = layout.positions().get(column);
            if (at == null) {
                return "";
            }
            String cell = row.cell(at);
            if (layout.sheet().delimitedText()) {
                cell = FaqSheetExporter.unescapeFormula(cell);
            }
            return cell.strip();
        }

        private List<String> similar(String question) {
            Set<String> seen = new LinkedHashSet<>();
            seen.add(FaqIds.questionKey(question));
            List<String> out = new ArrayList<>();
            for (String phrasing : similarSeparator.split(value(FaqColumn.SIMILAR))) {
                String s = phrasing.strip();
                if (!s.isEmpty() && seen.add(FaqIds.questionKey(s))) {
                    out.add(s);
                }
            }
            return out;
        }

        private void checkLength(FaqColumn column, String value, int max) {
            int length = value.codePointCount(0, value.length());
            if (length > max) {
                issues.add(new ValidationIssue(Severity.WARNING, Kind.CELL_TOO_LONG, location(column),
                        column.defaultHeader() + " has " + length + " characters (more than " + max + "): '"
                                + abbreviate(value, 20) + "'"));
            }
        }

        private void error(Kind kind, FaqColumn column, String message) {
            failed = true;
            issues.add(new ValidationIssue(Severity.ERROR, kind, location(column), message + " (row skipped)"));
        }

        private SheetLocation location(FaqColumn column) {
            Integer at = column == null ? null : layout.positions().get(column);
            return new SheetLocation(layout.sheet().name(), row.number(), at == null ? null : layout.label(at));
        }
    }

    // ---- across rows ----

    private static boolean unique(FaqImport.ImportedFaq row, Map<String, SheetLocation> ids,
                                  Map<String, FaqImport.ImportedFaq> questions, Map<String, Guide> guides,
                                  List<ValidationIssue> issues) {
        Faq faq = row.faq();
        String key = FaqIds.questionKey(faq.question());
        FaqImport.ImportedFaq sameQuestion = questions.get(key);
        if (sameQuestion != null && row.generatedId()) {
            // without ids the two rows would get the same id: one of them has to go
            issues.add(new ValidationIssue(Severity.ERROR, Kind.DUPLICATE_QUESTION, row.source(),
                    "same question as " + where(sameQuestion.source(), row.source()) + ": '"
                            + abbreviate(faq.question(), 30) + "'; merge the two rows or give them ids (row skipped)"));
            return false;
        }
        if (guides.containsKey(faq.id())) {
            issues.add(new ValidationIssue(Severity.ERROR, Kind.DUPLICATE_ID, row.source(),
                    "id '" + faq.id() + "' is already the id of a guide; ids are unique across guides and FAQs (row skipped)"));
            return false;
        }
        SheetLocation sameId = ids.get(faq.id());
        if (sameId != null) {
            issues.add(new ValidationIssue(Severity.ERROR, Kind.DUPLICATE_ID, row.source(),
                    "id '" + faq.id() + "' is already used at " + where(sameId, row.source()) + " (row skipped)"));
            return false;
        }
        if (sameQuestion != null) {
            issues.add(new ValidationIssue(Severity.WARNING, Kind.DUPLICATE_QUESTION, row.source(),
                    "same question as " + where(sameQuestion.source(), row.source()) + " (id "
                            + sameQuestion.faq().id() + "): '" + abbreviate(faq.question(), 30)
                            + "'; citizens asking it get either answer"));
        } else {
            questions.put(key, row);
        }
        ids.put(faq.id(), row.source());
        return true;
    }

    private static String where(SheetLocation first, SheetLocation here) {
        return first.sheet().equals(here.sheet()) ? "row " + first.row() : first.toString();
    }

    static String abbreviate(String s, int max) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.codePointCount(0, oneLine.length()) <= max ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, max)) + "…";
    }
}
