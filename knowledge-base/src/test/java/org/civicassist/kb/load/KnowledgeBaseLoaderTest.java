package org.civicassist.kb.load;

import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.KnowledgeBase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The loader on small knowledge bases written by each test: a good one loads completely, and every kind of broken
 * entry fails a {@link LoadMode#STRICT} load naming file and line, or is skipped with such a warning in
 * {@link LoadMode#LENIENT}.
 */
class KnowledgeBaseLoaderTest {

    static final String GOOD_GUIDE = """
            ---
            id: guide-card
            title: 社会保障卡补领
            domain: 社保
            department: 江州市人力资源和社会保障局
            audience: 个人
            channels: [线上, 线下]
            updated: 2026-09-15
            url: https://example.gov.cn/guide-card
            ---
            # 社会保障卡补领
            ## 事项简介
            社保卡遗失后先挂失，再补领。

            ## 办理时限
            即时办结；线上申请 10 个工作日。
            """;

    static final String SECOND_GUIDE = """
            ---
            id: guide-passport
            title: 普通护照签发
            domain: 出入境
            ---
            ## 申请材料
            居民身份证。
            """;

    static final String FAQ_CARD = """
            {"id": "faq-1", "domain": "社保", "question": "社保卡丢了怎么补办？", "similar": ["社保卡遗失怎么办"], \
            "answer": "先挂失再补卡。", "guide": "guide-card"}""";
    static final String FAQ_FREE = """
            {"id": "faq-2", "domain": "综合", "question": "政务服务中心几点上班？", "answer": "工作日 9:00-17:00。", \
            "guide": null}""";

    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader();

    @TempDir
    Path dir;

    private void guide(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve("guides"));
        Files.writeString(dir.resolve("guides").resolve(name), text, StandardCharsets.UTF_8);
    }

    private void faqs(String... lines) throws IOException {
        Files.writeString(dir.resolve("faq.jsonl"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private LoadResult load(LoadMode mode) {
        return loader.load(KbSource.directory(dir), mode);
    }

    private KbLoadException strictFailure() {
        return catchThrowableOfType(KbLoadException.class, () -> load(LoadMode.STRICT));
    }

    @Nested
    class A_good_knowledge_base {

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void loads_every_guide_section_and_faq__without_warnings(LoadMode mode) throws IOException {
            // given
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-passport.md", SECOND_GUIDE);
            faqs(FAQ_CARD, "", FAQ_FREE);

            // when
            LoadResult result = load(mode);

            // then
            assertThat(result.warnings()).isEmpty();
            KnowledgeBase kb = result.knowledgeBase();
            assertThat(kb.guides()).extracting(Guide::id).containsExactly("guide-card", "guide-passport");
            Guide card = kb.guide("guide-card").orElseThrow();
            assertThat(card.title()).isEqualTo("社会保障卡补领");
            assertThat(card.department()).isEqualTo("江州市人力资源和社会保障局");
            assertThat(card.channels()).containsExactly("线上", "线下");
            assertThat(card.updated()).as("a YAML date stays as written").isEqualTo("2026-09-15");
            assertThat(card.url()).isEqualTo("https://example.gov.cn/guide-card");
            assertThat(card.sections()).extracting(s -> s.heading()).containsExactly("事项简介", "办理时限");
            assertThat(card.section("办理时限").orElseThrow().body()).contains("10 个工作日");
            assertThat(kb.faqs()).extracting(Faq::id).containsExactly("faq-1", "faq-2");
            Faq faq = kb.faq("faq-1").orElseThrow();
            assertThat(faq.similar()).containsExactly("社保卡遗失怎么办");
            assertThat(faq.guideId()).isEqualTo("guide-card");
            assertThat(kb.faq("faq-2").orElseThrow().guideId()).isNull();
            assertThat(kb.faqsOfGuide("guide-card")).extracting(Faq::id).containsExactly("faq-1");
        }

        @Test
        void takes_a_faq_domain_from_its_guide__when_the_faq_has_none() throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs("{\"id\": \"faq-1\", \"question\": \"社保卡在哪补？\", \"answer\": \"窗口。\", \"guide\": \"guide-card\"}");

            assertThat(load(LoadMode.STRICT).knowledgeBase().faq("faq-1").orElseThrow().domain()).isEqualTo("社保");
        }

        @Test
        void reads_windows_line_ends_and_a_byte_order_mark() throws IOException {
            guide("guide-card.md", "\uFEFF" + GOOD_GUIDE.replace("\n", "\r\n"));
            Files.writeString(dir.resolve("faq.jsonl"), "\uFEFF" + FAQ_CARD + "\r\n" + FAQ_FREE + "\r\n");

            LoadResult result = load(LoadMode.STRICT);

            assertThat(result.knowledgeBase().guide("guide-card").orElseThrow().sections()).hasSize(2);
            assertThat(result.knowledgeBase().faqs()).hasSize(2);
        }
    }

    @Nested
    class Bad_front_matter {

        static final String BROKEN_YAML = """
                ---
                id: guide-broken
                title: [不闭合的列表
                domain: 社保
                ---
                ## 事项简介
                内容。
                """;

        @Test
        void fails_a_strict_load__naming_the_file_and_line() throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-broken.md", BROKEN_YAML);
            faqs(FAQ_CARD);

            KbLoadException e = strictFailure();

            assertThat(e.problems()).hasSize(1);
            KbProblem p = e.problems().get(0);
            assertThat(p.file()).isEqualTo("guides/guide-broken.md");
            assertThat(p.line()).as("the problem lies in the front matter, lines 2-4").isBetween(3, 5);
            assertThat(p.message()).contains("front matter");
            assertThat(e.getMessage()).contains("guides/guide-broken.md:" + p.line());
        }

        @Test
        void skips_the_guide_in_a_lenient_load__with_a_warning() throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-broken.md", BROKEN_YAML);
            faqs(FAQ_CARD);

            LoadResult result = load(LoadMode.LENIENT);

            assertThat(result.knowledgeBase().guides()).extracting(Guide::id).containsExactly("guide-card");
            assertThat(result.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.toString()).startsWith("guides/guide-broken.md:"));
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_a_guide_without_front_matter__at_line_1(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-bare.md", "## 事项简介\n没有前置信息。\n");
            faqs(FAQ_CARD);

            KbProblem problem = onlyProblem(mode);

            assertThat(problem.file()).isEqualTo("guides/guide-bare.md");
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).contains("front matter missing");
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_front_matter_lacking_a_title(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-untitled.md", "---\nid: guide-untitled\ndomain: 社保\n---\n## 事项简介\n内容。\n");
            faqs(FAQ_CARD);

            KbProblem problem = onlyProblem(mode);

            assertThat(problem.file()).isEqualTo("guides/guide-untitled.md");
            assertThat(problem.message()).contains("lacks title");
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_an_id_with_a_space__at_its_line(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-spaced.md", "---\ntitle: 标题\nid: guide spaced\ndomain: 社保\n---\n## 事项简介\n内容。\n");
            faqs(FAQ_CARD);

            KbProblem problem = onlyProblem(mode);

            assertThat(problem.toString()).startsWith("guides/guide-spaced.md:3: bad id 'guide spaced'");
        }
    }

    @Nested
    class Duplicate_ids {

        @Test
        void fails_a_strict_load__naming_both_places() throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-card-copy.md", GOOD_GUIDE.replace("社会保障卡补领", "复制的指南"));
            faqs(FAQ_CARD, FAQ_FREE, FAQ_FREE.replace("政务服务中心几点上班？", "另一个问题"));

            KbLoadException e = strictFailure();

            assertThat(e.problems()).extracting(KbProblem::toString).containsExactly(
                    "guides/guide-card.md:2: duplicate id 'guide-card' (already used at guides/guide-card-copy.md:2)",
                    "faq.jsonl:3: duplicate id 'faq-2' (already used at faq.jsonl:2)");
        }

        @Test
        void keeps_the_first_and_skips_the_rest_in_a_lenient_load() throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs(FAQ_CARD, FAQ_FREE, FAQ_FREE.replace("政务服务中心几点上班？", "另一个问题"));

            LoadResult result = load(LoadMode.LENIENT);

            assertThat(result.knowledgeBase().faq("faq-2").orElseThrow().question()).isEqualTo("政务服务中心几点上班？");
            assertThat(result.warnings()).extracting(KbProblem::toString)
                    .containsExactly("faq.jsonl:3: duplicate id 'faq-2' (already used at faq.jsonl:2)");
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void treats_a_faq_reusing_a_guide_id_as_a_duplicate(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs(FAQ_CARD, FAQ_FREE.replace("faq-2", "guide-card"));

            KbProblem problem = onlyProblem(mode);

            assertThat(problem.toString())
                    .isEqualTo("faq.jsonl:2: duplicate id 'guide-card' (already used at guides/guide-card.md:2)");
        }
    }

    @Nested
    class Broken_faq_lines {

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_broken_json__at_its_line(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs(FAQ_CARD, "{\"id\": \"faq-3\", \"question\": \"缺了结尾", FAQ_FREE);

            KbProblem problem = onlyProblem(mode);

            assertThat(problem.file()).isEqualTo("faq.jsonl");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).startsWith("broken JSON");
            if (mode == LoadMode.LENIENT) {
                assertThat(load(mode).knowledgeBase().faqs()).extracting(Faq::id).containsExactly("faq-1", "faq-2");
            }
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_a_faq_pointing_to_a_missing_guide(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs(FAQ_CARD, FAQ_FREE.replace("\"guide\": null", "\"guide\": \"guide-gone\""));

            KbProblem problem = onlyProblem(mode);

            assertThat(problem.toString())
                    .isEqualTo("faq.jsonl:2: FAQ faq-2 points to guide 'guide-gone', which does not exist");
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_an_empty_answer(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs(FAQ_CARD, FAQ_FREE.replace("工作日 9:00-17:00。", "  "));

            KbProblem problem = onlyProblem(mode);

            assertThat(problem.toString()).isEqualTo("faq.jsonl:2: FAQ faq-2 has an empty answer");
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_a_line_that_is_not_an_object(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs(FAQ_CARD, "[1, 2]");

            assertThat(onlyProblem(mode).toString()).isEqualTo("faq.jsonl:2: expected a JSON object");
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void reports_similar_questions_that_are_not_a_list(LoadMode mode) throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            faqs(FAQ_CARD.replace("[\"社保卡遗失怎么办\"]", "\"社保卡遗失怎么办\""));

            assertThat(onlyProblem(mode).toString()).isEqualTo("faq.jsonl:1: FAQ faq-1: 'similar' must be a list");
        }
    }

    @Nested
    class Whole_knowledge_base_problems {

        @Test
        void a_strict_load_lists_every_problem_at_once() throws IOException {
            guide("guide-card.md", GOOD_GUIDE);
            guide("guide-bare.md", "## 事项简介\n内容。\n");
            faqs("{broken", FAQ_CARD, FAQ_FREE.replace("工作日 9:00-17:00。", ""));

            KbLoadException e = strictFailure();

            assertThat(e.problems()).extracting(p -> p.file() + ":" + p.line())
                    .containsExactly("guides/guide-bare.md:1", "faq.jsonl:1", "faq.jsonl:3");
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void loads_a_knowledge_base_of_faqs_only(LoadMode mode) throws IOException {
            faqs(FAQ_FREE);

            LoadResult result = load(mode);

            assertThat(result.knowledgeBase().guides()).isEmpty();
            assertThat(result.knowledgeBase().faqs()).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(LoadMode.class)
        void fails_with_neither_guides_nor_faqs(LoadMode mode) throws IOException {
            faqs("");

            assertThatThrownBy(() -> load(mode)).isInstanceOf(KbLoadException.class)
                    .hasMessageContaining("nothing to load");
        }

        @Test
        void a_lenient_load_fails_when_nothing_loadable_is_left() throws IOException {
            guide("guide-bare.md", "## 事项简介\n内容。\n");
            faqs("{broken");

            KbLoadException e = catchThrowableOfType(KbLoadException.class, () -> load(LoadMode.LENIENT));

            assertThat(e.problems()).hasSize(3);
            assertThat(e.problems().get(2).message()).contains("nothing to load");
        }

        @Test
        void a_missing_faq_file_is_a_problem_but_the_guides_load_leniently() throws IOException {
            guide("guide-card.md", GOOD_GUIDE);

            assertThat(strictFailure().problems()).extracting(KbProblem::file).containsExactly("faq.jsonl");
            LoadResult lenient = load(LoadMode.LENIENT);
            assertThat(lenient.knowledgeBase().guides()).hasSize(1);
            assertThat(lenient.warnings()).hasSize(1);
        }
    }

    /** The single problem: the failure of a strict load, or the warning of a lenient one (which still loads). */
    private KbProblem onlyProblem(LoadMode mode) {
        if (mode == LoadMode.STRICT) {
            KbLoadException e = strictFailure();
            assertThat(e).as("a strict load fails").isNotNull();
            assertThat(e.problems()).hasSize(1);
            assertThat(e.getMessage()).contains(e.problems().get(0).toString());
            return e.problems().get(0);
        }
        LoadResult result = load(mode);
        assertThat(result.knowledgeBase().size()).as("the good entries still load").isPositive();
        assertThat(result.warnings()).hasSize(1);
        return result.warnings().get(0);
    }
}
