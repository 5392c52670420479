package org.civicassist.assistant.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Periodic upkeep of the conversation store: drops expired in-memory conversations (Redis expires its own) and
 * hands the live counts per status to the metrics.
 */
public class ConversationMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ConversationMaintenance.class);

    private final ConversationStore store;
    private final Consumer<Map<ConversationStatus, Long>> counts;

    public ConversationMaintenance(ConversationStore store, Consumer<Map<ConversationStatus, Long>> counts) {
        this.store = store;
        this.counts = counts;
    }

    @Scheduled(initialDelayString = "5s",
            fixedDelayString = "${assistant.chat.maintenance-interval:30s}")
    public void run() {
        try {
            if (store instanceof InMemoryConversationStore memory) {
                int evicted = memory.evictExpired();
                if (evicted > 0) {
                    log.debug("dropped {} expired conversations", evicted);
                }
            }
            Map<ConversationStatus, Long> current = store.countByStatus().block(Duration.ofSeconds(10));
            if (current != null) {
                counts.accept(current);
            }
        } catch (RuntimeException e) {
            // the store may be briefly unreachable; the next run tries again
            log.warn("conversation maintenance failed: {}", e.toString());
        }
    }
}
