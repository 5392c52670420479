package org.civicassist.kb.io;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.civicassist.kb.io.ValidationIssue.Kind;
import org.civicassist.kb.io.ValidationIssue.Severity;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaqSheetImporterTest {

    static final List<Guide> GUIDES = List.of(
            guide("guide-shebao-card", "社保"),
            guide("guide-gjj-rent", "公积金"));

    static Guide guide(String id, String domain) {
        return new Guide(id, "指南 " + id, domain, null, null, List.of(), null, null,
                List.of(new GuideSection("办理材料", "身份证")));
    }

    final FaqSheetImporter importer = new FaqSheetImporter(FaqSheetFormat.defaults());

    @Test
    void should_read_faqs__when_chinese_headers_follow_a_title_row() {
        // given: a title row above the header, an id typed as a number, similar questions one per line and with '|'
        byte[] xlsx = TestWorkbooks.xlsx(
                new String[]{"江州市常见问题汇总（2026 年版）"},
                new String[]{"编号", "所属领域", "问题", "相似问法", "答案", "关联指南"},
                new String[]{null, "社保", "社保卡丢了怎么补办？", "社保卡遗失如何补领\n社保卡被偷了怎么办|社保卡不见了",
                        "先挂失再补卡。", "guide-shebao-card"},
                new String[]{"faq-gjj-1", "", "租房怎么提取公积金？", "", "可按月提取。", "guide-gjj-rent"});
        // when
        FaqImport result = importer.read("faq.xlsx", xlsx, GUIDES);
        // then
        assertThat(result.report().issues()).isEmpty();
        assertThat(result.report().rowsRead()).isEqualTo(2);
        assertThat(result.faqs()).containsExactly(
                new Faq(FaqIds.fromQuestion("社保卡丢了怎么补办？"), "社保", "社保卡丢了怎么补办？",
                        List.of("社保卡遗失如何补领", "社保卡被偷了怎么办", "社保卡不见了"), "先挂失再补卡。",
                        "guide-shebao-card"),
                // domain left empty: taken from the linked guide
                new Faq("faq-gjj-1", "公积金", "租房怎么提取公积金？", List.of(), "可按月提取。", "guide-gjj-rent"));
        assertThat(result.rows().get(0).generatedId()).isTrue();
        assertThat(result.rows().get(0).source()).isEqualTo(new SheetLocation("FAQ", 3, null));
    }

    @Test
    void should_keep_numeric_ids_as_excel_shows_them() {
        byte[] xlsx = TestWorkbooks.xlsx(Map.of("FAQ", new String[][]{{"编号", "问题", "答案"}}), wb -> {
            Row row = wb.getSheet("FAQ").createRow(1);
            row.createCell(0).setCellValue(12);
            row.createCell(1).setCellValue("居住证怎么办？");
            row.createCell(2).setCellValue("到派出所申请。");
        });

        FaqImport result = importer.read("faq.xlsx", xlsx, GUIDES);

        assertThat(result.faqs()).extracting(Faq::id).containsExactly("12");
    }

    @Test
    void should_derive_the_same_id_from_the_same_question__when_the_sheet_has_no_ids() {
        byte[] first = TestWorkbooks.xlsx(new String[]{"问题", "答案"},
                new String[]{"护照怎么办？", "到出入境窗口申请。"}, new String[]{"驾驶证到期怎么换？", "到车管所换证。"});
        byte[] reordered = TestWorkbooks.xlsx(new String[]{"答案", "问题"},
                new String[]{"到车管所换证。", "驾驶证到期怎么换？"}, new String[]{"新的答案。", "护照怎么办?"});

        List<String> ids = importer.read("a.xlsx", first, GUIDES).faqs().stream().map(Faq::id).toList();
        List<String> again = importer.read("b.xlsx", reordered, GUIDES).faqs().stream().map(Faq::id).toList();

        assertThat(ids).doesNotHaveDuplicates().allMatch(FaqIds::isValid);
        // the full-width and half-width question marks make no difference
        assertThat(again).containsExactly(ids.get(1), ids.get(0));
    }

    @Test
    void should_fill_merged_domain_cells_into_every_row_they_cover() {
        Map<String, String[][]> sheets = Map.of("FAQ", new String[][]{
                {"所属领域", "问题", "答案"},
                {"社保", "社保卡丢了怎么办？", "先挂失。"},
                {null, "社保卡怎么激活？", "到银行激活。"},
                {"公积金", "公积金怎么查？", "App 查询。"}});
        byte[] xlsx = TestWorkbooks.xlsx(sheets, wb -> wb.getSheet("FAQ").addMergedRegion(new CellRangeAddress(1, 2, 0, 0)));

        assertThat(importer.read("faq.xlsx", xlsx, GUIDES).faqs()).extracting(Faq::domain)
                .containsExactly("社保", "社保", "公积金");
    }

    @Test
    void should_recognise_english_and_decorated_header_names() {
        byte[] xlsx = TestWorkbooks.xlsx(new String[]{" ID ", "Question *", "答案（必填）", "Similar", "Domain"},
                new String[]{"q1", "护照怎么办？", "到窗口申请。", "办护照流程", "出入境"});

        FaqImport result = importer.read("faq.xlsx", xlsx, GUIDES);

        assertThat(result.faqs()).containsExactly(
                new Faq("q1", "出入境", "护照怎么办？", List.of("办护照流程"), "到窗口申请。", null));
    }

    @Test
    void should_follow_an_explicit_mapping_and_separator() {
        FaqSheetFormat format = FaqSheetFormat.defaults()
                .withColumn(FaqColumn.QUESTION, ColumnRef.named("咨询内容"))
                .withColumn(FaqColumn.ANSWER, ColumnRef.letter("D"))
                .withSimilarSeparators("；");
        byte[] xlsx = TestWorkbooks.xlsx(new String[]{"咨询内容", "问题", "相似问法", "回复口径"},
                new String[]{"护照怎么办？", "（备注列，不导入）", "护照咋办；怎么申请护照", "到窗口申请。"});

        FaqImport result = new FaqSheetImporter(format).read("faq.xlsx", xlsx, GUIDES);

        assertThat(result.faqs()).singleElement().satisfies(faq -> {
            assertThat(faq.question()).isEqualTo("护照怎么办？");
            assertThat(faq.similar()).containsExactly("护照咋办", "怎么申请护照");
            assertThat(faq.answer()).isEqualTo("到窗口申请。");
        });
    }

    @Test
    void should_not_let_a_recognised_header_take_an_explicitly_mapped_column() {
        // "编号" is the usual id header, but here it holds guide ids
        FaqSheetFormat format = FaqSheetFormat.defaults().withColumn(FaqColumn.GUIDE, ColumnRef.named("编号"));
        byte[] xlsx = TestWorkbooks.xlsx(new String[]{"编号", "问题", "答案"},
                new String[]{"guide-gjj-rent", "租房怎么提取公积金？", "按月提取。"});

        FaqImport result = new FaqSheetImporter(format).read("faq.xlsx", xlsx, GUIDES);

        assertThat(result.faqs()).singleElement().satisfies(faq -> {
            assertThat(faq.guideId()).isEqualTo("guide-gjj-rent");
            assertThat(faq.id()).isEqualTo(FaqIds.fromQuestion("租房怎么提取公积金？"));
        });
    }

    @Test
    void should_read_columns_by_position__when_the_sheet_has_no_header_row() {
        FaqSheetFormat format = FaqSheetFormat.defaults().withoutHeaderRow(Map.of(
                FaqColumn.QUESTION, 0, FaqColumn.ANSWER, 1, FaqColumn.GUIDE, 2));
        String csv = "社保卡丢了怎么办？,先挂失。,guide-shebao-card\n公积金怎么提取？,按月提取。,\n";

        FaqImport result = new FaqSheetImporter(format).read("faq.csv", csv.getBytes(StandardCharsets.UTF_8), GUIDES);

        assertThat(result.faqs()).extracting(Faq::question, Faq::guideId, Faq::domain).containsExactly(
                org.assertj.core.groups.Tuple.tuple("社保卡丢了怎么办？", "guide-shebao-card", "社保"),
                org.assertj.core.groups.Tuple.tuple("公积金怎么提取？", null, ""));
    }

    @Test
    void should_read_csv_in_utf8_with_or_without_bom_and_in_gb18030() {
        String csv = "问题,答案,相似问法\r\n社保卡丢了咋补办？,\"先挂失，再补卡。\",\"社保卡遗失\n社保卡不见了\"\r\n";
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
        byte[] gb = csv.getBytes(Charset.forName("GB18030"));
        byte[] utf16 = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE));
        Faq expected = new Faq(FaqIds.fromQuestion("社保卡丢了咋补办？"), "", "社保卡丢了咋补办？",
                List.of("社保卡遗失", "社保卡不见了"), "先挂失，再补卡。", null);

        for (byte[] bytes : List.of(utf8, bom, gb, utf16)) {
            assertThat(importer.read("faq.csv", bytes, GUIDES).faqs()).containsExactly(expected);
        }
    }

    @Test
    void should_report_every_problem_with_its_sheet_and_row() {
        String longAnswer = "很长的答案。".repeat(400);
        byte[] xlsx = TestWorkbooks.xlsx(
                new String[]{"编号", "问题", "答案", "关联指南"},
                new String[]{"f1", "社保卡丢了怎么办？", "先挂失。", "guide-shebao-card"},          // row 2 ok
                new String[]{"f1", "社保卡怎么激活？", "到银行激活。", ""},                            // 3 duplicate id
                new String[]{"f2", "社保卡丢了怎么办", "另一个答案。", ""},                            // 4 same question, other id
                new String[]{"f3", "", "没有问题的答案。", ""},                                        // 5 empty question
                new String[]{"f4", "公积金怎么查？", "", ""},                                          // 6 empty answer
                new String[]{"f5", "公积金能贷多少？", "看缴存。", "guide-nowhere"},                  // 7 unknown guide
                new String[]{"f6", "公积金租房提取？", longAnswer, "guide-gjj-rent"},                  // 8 too long
                new String[]{"guide-gjj-rent", "租房提取要什么材料？", "身份证。", ""},                 // 9 id of a guide
                new String[]{"f 7", "护照怎么办？", "到窗口。", ""},                                   // 10 bad id
                null,                                                                                // 11 blank
                new String[]{"", "驾驶证怎么换？", "到车管所。", ""},                                  // 12 generated id
                new String[]{"", "驾驶证怎么换?", "重复行。", ""});                                    // 13 same, no id

        FaqImport result = importer.read("faq.xlsx", xlsx, GUIDES);
        ValidationReport report = result.report();

        assertThat(report.rowsRead()).isEqualTo(11);
        assertThat(result.faqs()).extracting(Faq::id)
                .containsExactly("f1", "f2", "f6", FaqIds.fromQuestion("驾驶证怎么换？"));
        assertThat(report.issues()).extracting(i -> i.location().row(), ValidationIssue::kind, ValidationIssue::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, Kind.DUPLICATE_ID, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(4, Kind.DUPLICATE_QUESTION, Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple(5, Kind.EMPTY_QUESTION, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(6, Kind.EMPTY_ANSWER, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(7, Kind.UNKNOWN_GUIDE, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(8, Kind.CELL_TOO_LONG, Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple(9, Kind.DUPLICATE_ID, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(10, Kind.BAD_ID, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(13, Kind.DUPLICATE_QUESTION, Severity.ERROR));
        assertThat(report.issuesOf(Kind.DUPLICATE_ID).get(0).message()).contains("row 2");
        assertThat(report.issuesOf(Kind.EMPTY_ANSWER).get(0).location().column()).isEqualTo("C (答案)");
        assertThat(report.issuesOf(Kind.CELL_TOO_LONG).get(0).message()).contains("2400 characters");
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.render())
                .startsWith("faq.xlsx: 11 row(s) read, 4 FAQ(s) imported, 7 error(s), 2 warning(s)\n")
                .contains("ERROR   sheet 'FAQ' row 7, column D (关联指南): guide 'guide-nowhere' does not exist")
                .contains("WARNING sheet 'FAQ' row 4: same question as row 2 (id f1)");
    }

    @Test
    void should_skip_a_csv_row_whose_cells_do_not_line_up_with_the_header() {
        String csv = "问题,答案,关联指南\n社保卡丢了怎么办？,先挂失,再补卡。,\n公积金怎么查？,App 查询。,\n护照怎么办？\n";

        FaqImport result = importer.read("faq.csv", csv.getBytes(StandardCharsets.UTF_8), GUIDES);

        assertThat(result.faqs()).extracting(Faq::question).containsExactly("公积金怎么查？");
        assertThat(result.report().issuesOf(Kind.WRONG_COLUMN_COUNT))
                .extracting(i -> i.location().row(), ValidationIssue::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(4, Severity.ERROR));
        assertThat(result.report().issuesOf(Kind.WRONG_COLUMN_COUNT).get(0).message())
                .contains("4 cells but the header has 3");
    }

    @Test
    void should_warn_about_content_right_of_the_last_header_column_in_a_workbook() {
        byte[] xlsx = TestWorkbooks.xlsx(new String[]{"问题", "答案"},
                new String[]{"护照怎么办？", "到窗口申请。", "漏掉的备注"});

        FaqImport result = importer.read("faq.xlsx", xlsx, GUIDES);

        assertThat(result.faqs()).hasSize(1);
        assertThat(result.report().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Kind.WRONG_COLUMN_COUNT);
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message()).contains("column C");
        });
    }

    @Test
    void should_read_every_visible_faq_sheet_and_skip_others() {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("填写说明", new String[][]{{"请在各领域工作表中填写问题和答案。"}});
        sheets.put("社保", new String[][]{{"问题", "答案"}, {"社保卡丢了怎么办？", "先挂失。"}});
        sheets.put("公积金", new String[][]{{"问题", "答案"}, {"公积金怎么查？", "App 查询。"}});
        sheets.put("旧版", new String[][]{{"问题", "答案"}, {"过期的问题？", "过期的答案。"}});
        byte[] xlsx = TestWorkbooks.xlsx(sheets, wb -> wb.setSheetHidden(wb.getSheetIndex("旧版"), true));

        FaqImport all = importer.read("faq.xlsx", xlsx, GUIDES);
        FaqImport one = new FaqSheetImporter(FaqSheetFormat.defaults().withSheet("公积金")).read("faq.xlsx", xlsx, GUIDES);

        assertThat(all.faqs()).extracting(Faq::question).containsExactly("社保卡丢了怎么办？", "公积金怎么查？");
        assertThat(all.rows()).extracting(r -> r.source().sheet()).containsExactly("社保", "公积金");
        assertThat(all.report().issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Kind.SHEET_SKIPPED);
            assertThat(issue.location().sheet()).isEqualTo("填写说明");
        });
        assertThat(one.faqs()).extracting(Faq::question).containsExactly("公积金怎么查？");
        assertThatThrownBy(() -> new FaqSheetImporter(FaqSheetFormat.defaults().withSheet("医保"))
                .read("faq.xlsx", xlsx, GUIDES))
                .isInstanceOfSatisfying(FaqSheetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FaqSheetException.Reason.NO_SUCH_SHEET);
                    assertThat(e.getMessage()).contains("'医保'", "'社保'", "'公积金'").doesNotContain("旧版");
                });
    }

    @Test
    void should_read_the_value_a_formula_computed() {
        byte[] xlsx = TestWorkbooks.xlsx(Map.of("FAQ", new String[][]{{"问题", "答案"}}), wb -> {
            Sheet sheet = wb.getSheet("FAQ");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("办理要多久？");
            row.createCell(1).setCellFormula("\"一般 \"&3&\" 个工作日。\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        assertThat(importer.read("faq.xlsx", xlsx, GUIDES).faqs()).extracting(Faq::answer)
                .containsExactly("一般 3 个工作日。");
    }

    @Test
    void should_drop_similar_questions_that_repeat_the_question_or_each_other() {
        byte[] xlsx = TestWorkbooks.xlsx(new String[]{"问题", "相似问法", "答案"},
                new String[]{"护照怎么办？", "护照怎么办\n 护照咋办 |护照咋办？||", "到窗口申请。"});

        assertThat(importer.read("faq.xlsx", xlsx, GUIDES).faqs().get(0).similar()).containsExactly("护照咋办");
    }

    @Test
    void should_reject_a_format_that_maps_by_name_without_a_header_row() {
        assertThatThrownBy(() -> new FaqSheetFormat(Map.of(FaqColumn.QUESTION, ColumnRef.named("问题"),
                FaqColumn.ANSWER, ColumnRef.at(1)), false, List.of("|"), Optional.empty(), ',',
                FaqSheetFormat.CellLimits.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no header row");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
