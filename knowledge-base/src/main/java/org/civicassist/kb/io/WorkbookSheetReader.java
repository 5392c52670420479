package org.civicassist.kb.io;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the visible sheets of an Excel workbook (.xlsx, or the older .xls) as cell texts: numbers and dates as Excel
 * displays them (an id typed as 12 stays "12", not "12.0"), formulas by their last computed value, and a merged
 * cell's value in every cell it covers (offices merge 所属领域 over a block of rows).
 */
final class WorkbookSheetReader {

    private WorkbookSheetReader() {
    }

    static List<SheetData> read(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new FaqSheetException(FaqSheetException.Reason.EMPTY, name + " is an empty file");
        }
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
        boolean ole2 = bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
        if (!zip && !ole2) {
            throw new FaqSheetException(FaqSheetException.Reason.NOT_A_WORKBOOK, name
                    + " is not an Excel workbook (it is not a zip archive); if it is a CSV file, give it the .csv extension");
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.US);
            List<SheetData> sheets = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                    continue;
                }
                sheets.add(sheet(workbook.getSheetAt(i), formatter));
            }
            return sheets;
        } catch (EncryptedDocumentException e) {
            throw new FaqSheetException(FaqSheetException.Reason.ENCRYPTED, name
                    + " is protected with a password: remove the password in Excel and upload it again", e);
        } catch (IOException | RuntimeException e) {
            // POI signals a damaged package with many unchecked types (POIXMLException, InvalidOperationException,
            // RecordFormatException, zip-bomb checks …); to the person uploading they all mean the same
            throw new FaqSheetException(FaqSheetException.Reason.CORRUPT, name
                    + " cannot be read as an Excel workbook; it may be damaged or another kind of document ("
                    + CsvSheetReader.firstLine(e) + "). Open it in Excel and save it again as .xlsx", e);
        }
    }

    private static SheetData sheet(Sheet sheet, DataFormatter formatter) {
        Map<Long, String> merged = mergedValues(sheet, formatter);
        List<SheetData.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            int last = row.getLastCellNum(); // one past the last cell, -1 when none
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < last; c++) {
                String fromMerge = merged.get(key(row.getRowNum(), c));
                cells.add(fromMerge != null ? fromMerge : text(row.getCell(c), formatter));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                cells.remove(cells.size() - 1);
            }
            if (!cells.isEmpty()) {
                rows.add(new SheetData.Row(row.getRowNum() + 1, cells));
            }
        }
        return new SheetData(sheet.getSheetName(), rows, false);
    }

    private static Map<Long, String> mergedValues(Sheet sheet, DataFormatter formatter) {
        Map<Long, String> values = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            Row first = sheet.getRow(region.getFirstRow());
            String value = first == null ? "" : text(first.getCell(region.getFirstColumn()), formatter);
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    values.put(key(r, c), value);
                }
            }
        }
        return values;
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        String text;
        if (cell.getCellType() == CellType.FORMULA) {
            // the value Excel computed when it saved; evaluating here could differ or fail on external links
            CellType cached = cell.getCachedFormulaResultType();
            if (cached == CellType.STRING) {
                text = cell.getStringCellValue();
            } else if (cached == CellType.NUMERIC) {
                text = formatter.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
            } else if (cached == CellType.BOOLEAN) {
                text = String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            } else {
                text = "";
            }
        } else {
            text = formatter.formatCellValue(cell);
        }
        return CsvSheetReader.clean(text);
    }
}
