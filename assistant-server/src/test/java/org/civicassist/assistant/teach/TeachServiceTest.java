package org.civicassist.assistant.teach;

import org.civicassist.assistant.audit.InMemoryAuditLog;
import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TeachServiceTest {

    @Test
    void accepting_on_the_bundled_kb_is_a_clear_409__and_the_suggestion_stays_pending() {
        // given: a server on the bundled (read-only) demo KB with one pending suggestion
        InMemorySuggestionStore store = new InMemorySuggestionStore();
        Suggestion s = new Suggestion("a1", "c1", "社保卡找不着了咋整", "faq-shebao-001", "faq-shebao-001", "wang",
                "2026-03-09T02:00:00Z");
        store.add(s).block();
        InMemoryAuditLog audit = new InMemoryAuditLog(100);
        TeachService teach = new TeachService(store, new KnowledgeBaseService(KbSource.bundled(), LoadMode.LENIENT,
                null, Clock.systemUTC()), audit, Clock.systemUTC(), Duration.ofDays(90));

        // when
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> teach.accept("admin", "a1", null).block());

        // then
        assertThat(refused.status().value()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("kb-read-only");
        assertThat(refused.detailEn()).contains("read-only").contains("--assistant.kb.path");
        assertThat(store.pending().block()).containsExactly(s);
        assertThat(audit.recent(10).block()).isEmpty();
    }
}
