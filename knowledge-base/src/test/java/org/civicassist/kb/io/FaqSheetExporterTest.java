package org.civicassist.kb.io;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FaqSheetExporterTest {

    static final KnowledgeBase DEMO = new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase();

    final FaqSheetExporter exporter = new FaqSheetExporter(FaqSheetFormat.defaults());
    final FaqSheetImporter importer = new FaqSheetImporter(FaqSheetFormat.defaults());

    @Test
    void should_read_back_every_demo_faq_unchanged__from_xlsx_and_from_csv(@TempDir Path dir) {
        for (String name : List.of("faq.xlsx", "faq.csv")) {
            // when
            exporter.write(DEMO.faqs(), dir.resolve(name));
            FaqImport back = importer.read(dir.resolve(name), DEMO.guides());
            // then
            assertThat(back.report().errors()).as(name).isEmpty();
            assertThat(back.faqs()).as(name).hasSize(DEMO.faqs().size()).isEqualTo(DEMO.faqs());
        }
    }

    @Test
    void should_write_chinese_headers_and_one_similar_question_per_line() throws Exception {
        Faq faq = new Faq("f1", "社保", "社保卡丢了怎么办？", List.of("社保卡遗失", "社保卡不见了"), "先挂失。", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exporter.writeXlsx(List.of(faq), out);

        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = wb.getSheet("FAQ");
            assertThat(sheet.getRow(0)).extracting(c -> c.getStringCellValue())
                    .containsExactly("编号", "所属领域", "问题", "相似问法", "答案", "关联指南");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("社保卡遗失\n社保卡不见了");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }

    @Test
    void should_keep_cells_that_look_like_formulas_as_text() throws Exception {
        Faq faq = new Faq("f1", "", "=HYPERLINK(\"http://x\",\"点我\")", List.of("+86 电话是多少"),
                "- 身份证原件\n- 户口簿", null);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exporter.writeCsv(List.of(faq), csv);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        exporter.writeXlsx(List.of(faq), xlsx);

        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF编号,").contains("'=HYPERLINK", "'+86", "'- 身份证原件");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getCellType()).isEqualTo(CellType.STRING);
        }
        assertThat(importer.read("faq.csv", csv.toByteArray(), List.of()).faqs()).containsExactly(faq);
        assertThat(importer.read("faq.xlsx", xlsx.toByteArray(), List.of()).faqs()).containsExactly(faq);
    }

    @Test
    void should_use_the_mapped_header_names_and_separator() throws Exception {
        FaqSheetFormat format = FaqSheetFormat.defaults()
                .withColumn(FaqColumn.QUESTION, ColumnRef.named("咨询问题"))
                .withSimilarSeparators("|");
        Faq faq = new Faq("f1", "", "护照怎么办？", List.of("护照咋办", "怎么申请护照"), "到窗口申请。", null);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();

        new FaqSheetExporter(format).writeCsv(List.of(faq), csv);

        assertThat(csv.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF编号,所属领域,咨询问题,相似问法,答案,关联指南\r\nf1,,护照怎么办？,护照咋办|怎么申请护照,到窗口申请。,\r\n");
        assertThat(new FaqSheetImporter(format).read("faq.csv", csv.toByteArray(), List.of()).faqs()).containsExactly(faq);
    }

    @Test
    void should_refuse_a_cell_longer_than_excel_holds() {
        Faq huge = new Faq("f-huge", "", "很长的答案？", List.of(), "字".repeat(40_000), null);

        FaqSheetException e = catchThrowableOfType(FaqSheetException.class,
                () -> exporter.writeXlsx(List.of(huge), new ByteArrayOutputStream()));

        assertThat(e.reason()).isEqualTo(FaqSheetException.Reason.CELL_TOO_LONG_FOR_EXCEL);
        assertThat(e.getMessage()).contains("f-huge", "答案", "40000", "CSV");
    }

    @Test
    void should_leave_no_partial_file__when_export_fails(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("faq.xlsx");
        Files.writeString(target, "previous export");
        Faq huge = new Faq("f-huge", "", "很长的答案？", List.of(), "字".repeat(40_000), null);

        catchThrowableOfType(FaqSheetException.class, () -> exporter.write(List.of(huge), target));

        assertThat(Files.readString(target)).isEqualTo("previous export");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
