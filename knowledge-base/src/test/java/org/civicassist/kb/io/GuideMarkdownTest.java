package org.civicassist.kb.io;

import org.civicassist.kb.load.KbProblem;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuideMarkdownTest {

    private static final String GUIDE = """
            ---
            id: guide-card
            title: 社会保障卡补领
            domain: 社保
            channels: [线上, 线下]
            updated: 2026-09-15
            ---
            # 社会保障卡补领

            ## 事项简介
            社会保障卡遗失或损坏的，先挂失，再到窗口或网上补领。

            ## 申请材料
            - 居民身份证原件
            - 近期照片

            ### 备注
            代办的带代办人身份证。


            ## 办理时限
            窗口即时制卡。
            """;

    private static Guide parse(String text) {
        List<KbProblem> problems = new ArrayList<>();
        Guide g = new KnowledgeBaseLoader().parseGuide("guides/guide-card.md", text, problems).orElseThrow();
        assertThat(problems).isEmpty();
        return g;
    }

    @Test
    void the_saved_file_parses_to_the_same_guide_with_only_that_section_changed() {
        Guide before = parse(GUIDE);

        String after = GuideMarkdown.replaceSection(GUIDE, "申请材料", "所需材料",
                "  - 居民身份证原件\n- 户口簿\n\n### 备注\n代办的带代办人身份证。  \n").orElseThrow();

        Guide parsed = parse(after);
        List<GuideSection> expected = new ArrayList<>(before.sections());
        expected.set(1, new GuideSection("所需材料", "- 居民身份证原件\n- 户口簿\n\n### 备注\n代办的带代办人身份证。"));
        assertThat(parsed).isEqualTo(new Guide(before.id(), before.title(), before.domain(), before.department(),
                before.audience(), before.channels(), before.updated(), before.url(), expected));
        // the text around the section is byte for byte as it was, the blank lines after it too
        assertThat(after).startsWith(GUIDE.substring(0, GUIDE.indexOf("## 申请材料")))
                .endsWith("代办的带代办人身份证。\n\n\n## 办理时限\n窗口即时制卡。\n");
    }

    @Test
    void the_last_section__and_windows_line_endings_are_kept() {
        String crlf = GUIDE.replace("\n", "\r\n");

        String after = GuideMarkdown.replaceSection(crlf, "办理时限", "办理时限", "窗口即时制卡；\n网上 10 个工作日。")
                .orElseThrow();

        assertThat(after).isEqualTo(crlf.replace("窗口即时制卡。\r\n", "窗口即时制卡；\r\n网上 10 个工作日。\r\n"));
        assertThat(parse(after).section("办理时限").orElseThrow().body()).isEqualTo("窗口即时制卡；\n网上 10 个工作日。");
    }

    @Test
    void no_such_section_or_no_front_matter_is_empty() {
        assertThat(GuideMarkdown.replaceSection(GUIDE, "收费标准", "收费标准", "不收费。")).isEmpty();
        assertThat(GuideMarkdown.replaceSection("## 申请材料\n身份证。\n", "申请材料", "申请材料", "x")).isEmpty();
        // "### 备注" is inside a section, not one of its own
        assertThat(GuideMarkdown.replaceSection(GUIDE, "备注", "备注", "x")).isEmpty();
    }
}
