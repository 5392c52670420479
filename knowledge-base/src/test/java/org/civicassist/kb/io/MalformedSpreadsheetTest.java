package org.civicassist.kb.io;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.civicassist.kb.io.FaqSheetException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Files that cannot be imported at all give one clear message, never a stack trace or a raw library error. */
class MalformedSpreadsheetTest {

    final FaqSheetImporter importer = new FaqSheetImporter(FaqSheetFormat.defaults());

    static final byte[] GOOD = TestWorkbooks.xlsx(new String[]{"问题", "答案"}, new String[]{"护照怎么办？", "到窗口申请。"});

    @Test
    void should_say_so__when_an_xlsx_is_not_a_zip() {
        FaqSheetException e = fail("faq.xlsx", "问题,答案\n护照怎么办？,到窗口申请。\n".getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_WORKBOOK);
        assertThat(e.getMessage()).contains("faq.xlsx", "not a zip", ".csv");
    }

    @Test
    void should_say_so__when_an_xlsx_is_truncated() {
        FaqSheetException e = fail("faq.xlsx", Arrays.copyOf(GOOD, GOOD.length / 2));

        assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(e.getMessage()).contains("faq.xlsx cannot be read as an Excel workbook", "save it again");
    }

    @Test
    void should_say_so__when_a_zip_is_not_a_workbook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a spreadsheet".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(fail("faq.xlsx", bytes.toByteArray()).reason()).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void should_ask_for_the_password_to_be_removed__when_a_workbook_is_encrypted() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(GOOD));
             OutputStream os = encryptor.getDataStream(fs)) {
            opc.save(os);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        fs.close();

        FaqSheetException e = fail("faq.xlsx", encrypted.toByteArray());

        assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED);
        assertThat(e.getMessage()).contains("password");
    }

    @Test
    void should_say_the_file_is_empty() {
        assertThat(fail("faq.xlsx", new byte[0]).reason()).isEqualTo(Reason.EMPTY);
        assertThat(fail("faq.csv", new byte[0]).reason()).isEqualTo(Reason.EMPTY);
        assertThat(fail("faq.csv", "\r\n,,\r\n".getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Reason.EMPTY);

        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("Sheet1", new String[][]{});
        FaqSheetException e = fail("faq.xlsx", TestWorkbooks.xlsx(sheets, wb -> { }));
        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e.getMessage()).isEqualTo("faq.xlsx: sheet 'Sheet1' is empty");
    }

    @Test
    void should_name_the_missing_column_and_what_the_header_row_has() {
        byte[] xlsx = TestWorkbooks.xlsx(new String[]{"标题", "内容"}, new String[]{"护照怎么办？", "到窗口申请。"});

        FaqSheetException e = fail("faq.xlsx", xlsx);

        assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMN);
        assertThat(e.getMessage()).contains("'问题'", "'答案'", "row 1 reads: '标题', '内容'");
    }

    @Test
    void should_name_an_explicitly_mapped_column_that_is_missing() {
        FaqSheetImporter mapped = new FaqSheetImporter(FaqSheetFormat.defaults()
                .withColumn(FaqColumn.SIMILAR, ColumnRef.named("相似问题列")));

        FaqSheetException e = catchThrowableOfType(FaqSheetException.class,
                () -> mapped.read("faq.xlsx", GOOD, List.of()));

        assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMN);
        assertThat(e.getMessage()).contains("'相似问题列' (mapped as similar)");
    }

    @Test
    void should_reject_unsupported_file_types() {
        FaqSheetException e = fail("faq.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));

        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FILE_TYPE);
        assertThat(e.getMessage()).contains(".xlsx", ".csv");
    }

    @Test
    void should_point_at_an_unclosed_quote_in_csv() {
        String csv = "问题,答案\n护照怎么办？,到窗口申请。\n\"驾驶证怎么换？,到车管所。\n";

        FaqSheetException e = fail("faq.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_CSV);
        assertThat(e.getMessage()).contains("near row 3", "double quote");
    }

    @Test
    void should_recognise_a_workbook_uploaded_as_csv() {
        FaqSheetException e = fail("faq.csv", GOOD);

        assertThat(e.reason()).isEqualTo(Reason.NOT_TEXT);
        assertThat(e.getMessage()).contains(".xlsx");
    }

    @Test
    void should_reject_binary_or_undecodable_csv() {
        assertThat(fail("faq.csv", new byte[]{'a', 0, 'b'}).reason()).isEqualTo(Reason.NOT_TEXT);
        // 0x80 alone is neither UTF-8 nor GB18030
        assertThat(fail("faq.csv", new byte[]{'a', ',', (byte) 0x80}).reason()).isEqualTo(Reason.NOT_TEXT);
    }

    @Test
    void should_report_a_file_that_does_not_exist(@TempDir Path dir) {
        FaqSheetException e = catchThrowableOfType(FaqSheetException.class,
                () -> importer.read(dir.resolve("nowhere.xlsx"), List.of()));

        assertThat(e.reason()).isEqualTo(Reason.IO);
        assertThat(e.getMessage()).isEqualTo("nowhere.xlsx does not exist");
    }

    private FaqSheetException fail(String name, byte[] content) {
        FaqSheetException e = catchThrowableOfType(FaqSheetException.class, () -> importer.read(name, content, List.of()));
        assertThat(e).as("expected %s to be rejected", name).isNotNull();
        // one readable sentence: no stack frames, no library class names
        assertThat(e.getMessage()).doesNotContain("\tat ", "Exception", "org.apache");
        return e;
    }
}
