package org.civicassist.kb.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file as Excel writes it: UTF-8 with or without a byte-order mark, UTF-16 with one ("Unicode text"), or
 * GB18030 (Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK, which GB18030 contains) when the bytes are
 * not valid UTF-8.
 */
final class CsvSheetReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSheetReader() {
    }

    static SheetData read(String name, byte[] bytes, char delimiter) {
        String text = decode(name, bytes);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // keep row numbers equal to the rows Excel shows
                .get();
        List<SheetData.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                rows.add(new SheetData.Row((int) record.getRecordNumber(), record.toList().stream()
                        .map(CsvSheetReader::clean).toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            int row = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).number() + 1;
            throw new FaqSheetException(FaqSheetException.Reason.MALFORMED_CSV, name + ": broken CSV near row " + row
                    + " (" + firstLine(e) + "); check for an unclosed double quote", e);
        }
        return new SheetData(name, rows, true);
    }

    static String decode(String name, byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(name, bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(name, bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(name, bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new FaqSheetException(FaqSheetException.Reason.NOT_TEXT, name
                    + " is an Excel workbook, not a CSV file: upload it with the .xlsx extension");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new FaqSheetException(FaqSheetException.Reason.NOT_TEXT, name
                        + " is not a text file: save the sheet as CSV (UTF-8) or .xlsx");
            }
        }
        try {
            return decoder(StandardCharsets.UTF_8, bytes, 0);
        } catch (CharacterCodingException notUtf8) {
            return strict(name, bytes, 0, GB18030);
        }
    }

    private static String strict(String name, byte[] bytes, int offset, Charset charset) {
        try {
            return decoder(charset, bytes, offset);
        } catch (CharacterCodingException e) {
            throw new FaqSheetException(FaqSheetException.Reason.NOT_TEXT, name
                    + " is not valid " + charset.name() + " text: save the sheet as \"CSV UTF-8\" or .xlsx", e);
        }
    }

    private static String decoder(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String clean(String cell) {
        return cell.replace("\r\n", "\n").replace('\r', '\n');
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (e instanceof UncheckedIOException && cause != null && cause.getMessage() != null) {
            message = cause.getMessage();
        }
        String line = message.lines().findFirst().orElse(message).strip();
        // wrapped causes repeat their class names ("a.b.FooException: reason"): keep the reason
        line = line.replaceAll("^([\\w$]+\\.)*[\\w$]*(Exception|Error):\\s*", "");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
