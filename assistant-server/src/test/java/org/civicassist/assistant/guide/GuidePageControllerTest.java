package org.civicassist.assistant.guide;

import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuidePageControllerTest {

    @Test
    void renders_every_section_with_an_anchor_and_escapes_any_markup_in_the_kb_text() {
        Guide g = new Guide("guide-x", "社会保障卡挂失与补换", "社保", "人社局", null, List.of(), "2026-09-15", null,
                List.of(new GuideSection("申请材料", "- 本人身份证原件\n- <script>alert(1)</script>"),
                        new GuideSection("办理时限", "即时办结")));

        String html = GuidePageController.render(g);

        assertThat(html).contains("<h1>社会保障卡挂失与补换</h1>", "<h2 id=\"申请材料\">申请材料</h2>",
                "<h2 id=\"办理时限\">", "<li>本人身份证原件</li>", "更新于 2026-09-15");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }
}
