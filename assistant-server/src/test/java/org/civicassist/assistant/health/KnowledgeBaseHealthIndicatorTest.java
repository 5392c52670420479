package org.civicassist.assistant.health;

import org.civicassist.assistant.testing.HashingEmbedder;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.civicassist.kb.search.KnowledgeSearchBuilder;
import org.civicassist.nlp.ChineseNlp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseHealthIndicatorTest {

    @Test
    void not_ready_until_the_knowledge_base_is_indexed() {
        try (KnowledgeBaseService knowledge = new KnowledgeBaseService(
                KbSource.directory(TinyKbProperties.directory()), LoadMode.STRICT,
                new KnowledgeSearchBuilder(ChineseNlp.bundled(), new HashingEmbedder(), Optional.empty()),
                Clock.systemUTC())) {
            KnowledgeBaseHealthIndicator indicator = new KnowledgeBaseHealthIndicator(knowledge);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

            knowledge.start();

            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("guides", 2).containsEntry("faqs", 3)
                    .containsKey("passages");
        }
    }
}
