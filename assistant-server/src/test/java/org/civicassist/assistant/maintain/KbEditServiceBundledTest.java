package org.civicassist.assistant.maintain;

import org.civicassist.assistant.audit.InMemoryAuditLog;
import org.civicassist.assistant.testing.HashingEmbedder;
import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.civicassist.kb.search.KnowledgeSearchBuilder;
import org.civicassist.nlp.ChineseNlp;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On the bundled demo KB (no directory) the console browses but every change is a clear 409. */
class KbEditServiceBundledTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_bundled_kb_can_be_browsed_but_not_edited() {
        try (KnowledgeBaseService knowledge = new KnowledgeBaseService(KbSource.bundled(), LoadMode.LENIENT,
                new KnowledgeSearchBuilder(ChineseNlp.bundled(), new HashingEmbedder(), Optional.empty()),
                Clock.systemUTC()).start()) {
            InMemoryAuditLog audit = new InMemoryAuditLog(100);
            KbEditService kb = new KbEditService(knowledge, new FaqHistory(Clock.systemUTC()), audit,
                    Clock.systemUTC());

            // browsing works
            assertThat(kb.status()).containsEntry("editable", false);
            Map<String, Object> found = kb.faqs("社保卡", null);
            assertThat((List<Map<String, Object>>) found.get("faqs")).isNotEmpty();
            String id = (String) ((List<Map<String, Object>>) found.get("faqs")).get(0).get("id");
            assertThat(kb.faq(id).block()).containsEntry("editable", false).containsKey("answer");
            assertThat((List<?>) kb.guides("护照").get("guides")).isNotEmpty();
            assertThat(kb.history(null, 10).block()).isEmpty();
            String guide = (String) ((List<Map<String, Object>>) kb.guides("护照").get("guides")).get(0).get("id");
            Map<String, Object> served = kb.guide(guide).block();
            assertThat(served).containsEntry("editable", false).doesNotContainKey("version");
            String section = (String) ((List<Map<String, Object>>) served.get("sections")).get(0).get("heading");

            // every change is refused with 409 kb-read-only, and nothing is audited
            for (Runnable change : List.<Runnable>of(
                    () -> kb.edit("li", id, new KbEditService.FaqEdit("问", List.of(), "答", null, null)).block(),
                    () -> kb.addSimilar("li", id, "又一个问法").block(),
                    () -> kb.editSection("li", guide, new KbEditService.SectionEdit(section, section, "新的内容。",
                            null)).block(),
                    () -> kb.revert("li", "abc123").block())) {
                ApiException refused = catchThrowableOfType(ApiException.class, change::run);
                assertThat(refused.status().value()).isEqualTo(409);
                assertThat(refused.code()).isEqualTo("kb-read-only");
                assertThat(refused.detailEn()).contains("read-only").contains("--assistant.kb.path");
            }
            assertThat(audit.recent(10).block()).isEmpty();
        }
    }
}
