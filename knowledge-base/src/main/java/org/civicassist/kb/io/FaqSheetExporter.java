package org.civicassist.kb.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicassist.kb.model.Faq;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes FAQs as a spreadsheet that {@link FaqSheetImporter} reads back unchanged: one row per FAQ under a header row
 * ({@link FaqSheetFormat#exportHeader}), similar questions joined with the format's first separator (by default one
 * per line in the cell).
 */
public final class FaqSheetExporter {

    /** Characters that make Excel treat a CSV cell as a formula. */
    private static final String FORMULA_START = "=+-@";
    private static final int[] COLUMN_WIDTHS = {24, 10, 40, 40, 80, 30}; // in characters, by FaqColumn order

    private final FaqSheetFormat format;

    public FaqSheetExporter(FaqSheetFormat format) {
        this.format = format;
    }

    /** Writes {@code file} as CSV or .xlsx according to its extension, replacing it only when complete. */
    public void write(List<Faq> faqs, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".xlsx")) {
            throw new FaqSheetException(FaqSheetException.Reason.UNSUPPORTED_FILE_TYPE, file.getFileName()
                    + ": export writes .xlsx or .csv");
        }
        AtomicFile.replace(file, out -> {
            if (csv) {
                writeCsv(faqs, out);
            } else {
                writeXlsx(faqs, out);
            }
        });
    }

    /**
     * UTF-8 with a byte-order mark (without one, Excel on Chinese Windows reads the file as GBK and shows garbage),
     * CRLF line ends, and cells that Excel would run as formulas prefixed with an apostrophe.
     */
    public void writeCsv(List<Faq> faqs, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(format.csvDelimiter()).get();
        CSVPrinter printer = new CSVPrinter(writer, csv);
        printer.printRecord(headers());
        for (Faq faq : faqs) {
            printer.printRecord(cells(faq).stream().map(FaqSheetExporter::escapeFormula).toList());
        }
        printer.flush();
    }

    public void writeXlsx(List<Faq> faqs, OutputStream out) throws IOException {
        int maxCell = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(format.sheet().orElse("FAQ")));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);

            List<String> headers = headers();
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                header.getCell(c).setCellStyle(headerStyle);
                sheet.setColumnWidth(c, COLUMN_WIDTHS[c] * 256);
            }
            for (int r = 0; r < faqs.size(); r++) {
                List<String> cells = cells(faqs.get(r));
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    if (value.length() > maxCell) {
                        throw new FaqSheetException(FaqSheetException.Reason.CELL_TOO_LONG_FOR_EXCEL, "FAQ "
                                + faqs.get(r).id() + ": " + headers.get(c) + " has " + value.length()
                                + " characters, more than an Excel cell holds (" + maxCell + "); export it as CSV");
                    }
                    row.createCell(c).setCellValue(value); // a string cell: never run as a formula
                    row.getCell(c).setCellStyle(wrap);
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(faqs.size(), 1), 0, headers.size() - 1));
            workbook.write(out);
        }
    }

    private List<String> headers() {
        return java.util.Arrays.stream(FaqColumn.values()).map(format::exportHeader).toList();
    }

    /** In {@link FaqColumn} order. */
    private List<String> cells(Faq faq) {
        return List.of(faq.id(), faq.domain(), faq.question(),
                String.join(format.similarSeparators().get(0), faq.similar()), faq.answer(),
                faq.guideId() == null ? "" : faq.guideId());
    }

    static String escapeFormula(String cell) {
        return !cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    static String unescapeFormula(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
