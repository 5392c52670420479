package org.civicassist.kb.io;

import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.load.LoadResult;
import org.civicassist.kb.model.Faq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FaqJsonlTest {

    @Test
    void should_write_one_object_a_line_in_the_documented_field_order() {
        Faq faq = new Faq("f1", "社保", "社保卡丢了怎么办？", List.of("社保卡遗失"), "先挂失。\n再补卡。", null);

        assertThat(FaqJsonl.toJsonl(List.of(faq))).isEqualTo(
                "{\"id\":\"f1\",\"domain\":\"社保\",\"question\":\"社保卡丢了怎么办？\",\"similar\":[\"社保卡遗失\"],"
                        + "\"answer\":\"先挂失。\\n再补卡。\",\"guide\":null}\n");
    }

    @Test
    void should_import_a_sheet_into_a_kb_that_the_loader_accepts_strictly(@TempDir Path kb) throws Exception {
        // given: a KB with one guide, and a sheet of FAQs, one without an id
        Files.createDirectories(kb.resolve("guides"));
        Files.writeString(kb.resolve("guides/guide-passport.md"), """
                ---
                id: guide-passport
                title: 普通护照首次申领
                domain: 出入境
                ---
                ## 办理时限
                7 个工作日。
                """, StandardCharsets.UTF_8);
        Files.writeString(kb.resolve("faq.jsonl"), "{\"id\":\"old\",\"question\":\"旧问题\",\"answer\":\"旧答案\"}\n");
        byte[] xlsx = TestWorkbooks.xlsx(new String[]{"编号", "问题", "相似问法", "答案", "关联指南"},
                new String[]{"faq-passport-time", "办护照要多久？", "护照几天能拿到", "7 个工作日。", "guide-passport"},
                new String[]{null, "护照丢了怎么办？", "", "先挂失再补办。", ""});
        LoadResult before = new KnowledgeBaseLoader().load(KbSource.directory(kb), LoadMode.STRICT);
        FaqImport imported = new FaqSheetImporter(FaqSheetFormat.defaults())
                .read("faq.xlsx", xlsx, before.knowledgeBase().guides());

        // when
        FaqJsonl.write(kb.resolve(KbSource.FAQ_FILE), imported.faqs());

        // then
        LoadResult after = new KnowledgeBaseLoader().load(KbSource.directory(kb), LoadMode.STRICT);
        assertThat(after.knowledgeBase().faqs()).isEqualTo(imported.faqs()).hasSize(2);
        assertThat(after.knowledgeBase().faq("faq-passport-time").orElseThrow().domain()).isEqualTo("出入境");
        try (Stream<Path> files = Files.list(kb)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("guides", "faq.jsonl");
        }
    }

    @Test
    void should_add_a_similar_question_to_one_line_and_leave_every_other_line_as_it_was(@TempDir Path kb)
            throws Exception {
        // given: a FAQ without similar questions, one with, and a line the lenient loader would skip
        Path file = kb.resolve("faq.jsonl");
        String other = "{\"id\": \"f2\", \"domain\": \"社保\", \"question\": \"补卡要钱吗\", \"similar\": [\"补卡收费吗\"], "
                + "\"answer\": \"20 元。\", \"guide\": null}";
        String broken = "{\"id\": \"broken\", ";
        Files.writeString(file, "{\"id\":\"f1\",\"domain\":\"社保\",\"question\":\"社保卡丢了怎么办？\","
                + "\"answer\":\"先挂失。\",\"guide\":null}\n" + other + "\n" + broken + "\n", StandardCharsets.UTF_8);

        // when
        FaqJsonl.AddOutcome added = FaqJsonl.addSimilar(file, "f1", " 社保卡找不着了咋整 ");
        FaqJsonl.AddOutcome again = FaqJsonl.addSimilar(file, "f1", "社保卡找不着了咋整");
        FaqJsonl.AddOutcome same = FaqJsonl.addSimilar(file, "f2", "补卡要钱吗");
        FaqJsonl.AddOutcome missing = FaqJsonl.addSimilar(file, "nope", "随便问问");

        // then
        assertThat(added).isEqualTo(FaqJsonl.AddOutcome.ADDED);
        assertThat(again).isEqualTo(FaqJsonl.AddOutcome.ALREADY_PRESENT);
        assertThat(same).isEqualTo(FaqJsonl.AddOutcome.ALREADY_PRESENT);
        assertThat(missing).isEqualTo(FaqJsonl.AddOutcome.NO_SUCH_FAQ);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly("{\"id\":\"f1\",\"domain\":\"社保\",\"question\":\"社保卡丢了怎么办？\","
                + "\"similar\":[\"社保卡找不着了咋整\"],\"answer\":\"先挂失。\",\"guide\":null}", other, broken);
        try (Stream<Path> files = Files.list(kb)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void should_replace_one_faq_line__keeping_its_other_fields_and_every_other_line(@TempDir Path kb) throws Exception {
        // given: an edited FAQ with a field the format does not name, between a comment-like line and another FAQ
        Path file = kb.resolve("faq.jsonl");
        String first = "{\"id\": \"f1\", \"domain\": \"社保\", \"question\": \"社保卡丢了怎么办？\", \"answer\": \"先挂失。\", "
                + "\"guide\": null, \"owner\": \"社保局\"}";
        String other = "{\"id\": \"f2\", \"domain\": \"社保\", \"question\": \"补卡要钱吗\", \"answer\": \"20 元。\"}";
        Files.writeString(file, first + "\r\n" + other + "\n", StandardCharsets.UTF_8);
        Faq edited = new Faq("f1", "社保", "社保卡丢了怎么补办？", List.of("社保卡找不着了"), "先挂失，再补卡。", null);

        // when
        FaqJsonl.LineChange change = FaqJsonl.replaceLine(file, "f1", before -> FaqJsonl.toLine(edited, before))
                .orElseThrow();

        // then
        assertThat(change.before()).isEqualTo(first);
        assertThat(change.after()).isEqualTo("{\"id\":\"f1\",\"domain\":\"社保\",\"question\":\"社保卡丢了怎么补办？\","
                + "\"similar\":[\"社保卡找不着了\"],\"answer\":\"先挂失，再补卡。\",\"guide\":null,\"owner\":\"社保局\"}");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(change.after() + "\r\n" + other + "\n");
        assertThat(FaqJsonl.line(file, "f1")).contains(change.after());
        assertThat(FaqJsonl.replaceLine(file, "nope", before -> before)).isEmpty();
        LoadResult loaded = new KnowledgeBaseLoader().load(KbSource.directory(kb), LoadMode.LENIENT);
        assertThat(loaded.knowledgeBase().faq("f1").orElseThrow().answer()).isEqualTo("先挂失，再补卡。");
    }
}
