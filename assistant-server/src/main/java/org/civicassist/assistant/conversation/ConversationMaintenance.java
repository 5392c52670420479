package org.civicassist.assistant.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Periodic upkeep: sweeps what is kept in memory past its retention ({@link Sweepable}: conversations, contacts,
 * analytics, audit entries, staff sessions; Redis expires its own keys) and hands the live counts of conversations
 * per status to the metrics.
 */
public class ConversationMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ConversationMaintenance.class);

    private final ConversationStore store;
    private final Consumer<Map<ConversationStatus, Long>> counts;
    private final List<Sweepable> sweepables;

    public ConversationMaintenance(ConversationStore store, Consumer<Map<ConversationStatus, Long>> counts) {
        this(store, counts, store instanceof Sweepable s ? List.of(s) : List.of());
    }

    public ConversationMaintenance(ConversationStore store, Consumer<Map<ConversationStatus, Long>> counts,
                                   List<Sweepable> sweepables) {
        this.store = store;
        this.counts = counts;
        this.sweepables = List.copyOf(sweepables);
    }

    @Scheduled(initialDelayString = "5s",
            fixedDelayString = "${assistant.chat.maintenance-interval:30s}")
    public void run() {
        try {
            for (Sweepable s : sweepables) {
                int dropped = s.sweep();
                if (dropped > 0) {
                    log.debug("{}: dropped {} expired items", s.getClass().getSimpleName(), dropped);
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
