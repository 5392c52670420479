package org.civicassist.assistant.audit;

import org.civicassist.assistant.conversation.Sweepable;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The audit log of the embedded default: the latest entries in memory (at most {@code capacity}, none older than
 * the retention once swept), lost on restart.
 */
public final class InMemoryAuditLog implements AuditLog, Sweepable {

    private final Deque<AuditEntry> entries = new ArrayDeque<>();
    private final int capacity;
    private final Duration retention;
    private final Clock clock;

    public InMemoryAuditLog(int capacity) {
        this(capacity, Duration.ofDays(365), Clock.systemUTC());
    }

    public InMemoryAuditLog(int capacity, Duration retention, Clock clock) {
        this.capacity = capacity;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public int sweep() {
        Instant oldest = clock.instant().minus(retention);
        synchronized (entries) {
            int before = entries.size();
            entries.removeIf(e -> e.at().isBefore(oldest));
            return before - entries.size();
        }
    }

    @Override
    public Mono<Void> record(AuditEntry entry) {
        return Mono.fromRunnable(() -> {
            synchronized (entries) {
                entries.addFirst(entry);
                while (entries.size() > capacity) {
                    entries.removeLast();
                }
            }
        });
    }

    @Override
    public Mono<List<AuditEntry>> recent(int limit) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                List<AuditEntry> out = new ArrayList<>();
                Iterator<AuditEntry> it = entries.iterator();
                while (it.hasNext() && out.size() < limit) {
                    out.add(it.next());
                }
                return out;
            }
        });
    }
}
