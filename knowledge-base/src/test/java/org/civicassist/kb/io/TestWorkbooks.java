package org.civicassist.kb.io;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Builds real .xlsx files with POI, as Excel would save them. */
final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** One sheet named "FAQ" with these rows (null cells are left out). */
    static byte[] xlsx(String[]... rows) {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("FAQ", rows);
        return xlsx(sheets, wb -> { });
    }

    /** Sheets in order; {@code tweak} may change the workbook (merge cells, hide a sheet…) before it is saved. */
    static byte[] xlsx(Map<String, String[][]> sheets, Consumer<XSSFWorkbook> tweak) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> fill(workbook.createSheet(name), rows));
            tweak.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Sheet sheet, String[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
    }
}
