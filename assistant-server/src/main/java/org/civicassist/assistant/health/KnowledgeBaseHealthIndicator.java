package org.civicassist.assistant.health;

import org.civicassist.kb.search.KnowledgeBaseService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness: the knowledge base is loaded and indexed, so questions can be answered. A reload that fails
 * keeps the previous index serving, so readiness stays up and the failure shows in the details.
 */
public final class KnowledgeBaseHealthIndicator implements HealthIndicator {

    private final KnowledgeBaseService knowledge;

    public KnowledgeBaseHealthIndicator(KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Health health() {
        return knowledge.status()
                .map(s -> {
                    Health.Builder up = Health.up().withDetail("guides", s.guides()).withDetail("faqs", s.faqs())
                            .withDetail("passages", s.passages()).withDetail("loaded_at", s.loadedAt().toString());
                    s.lastFailure().ifPresent(f -> up.withDetail("last_reload_failure", f));
                    return up.build();
                })
                .orElseGet(() -> Health.outOfService().withDetail("reason", "the knowledge base is loading").build());
    }
}
