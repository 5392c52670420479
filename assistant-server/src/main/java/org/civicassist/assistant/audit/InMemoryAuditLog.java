package org.civicassist.assistant.audit;

import reactor.core.publisher.Mono;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The audit log of the embedded default: the latest entries in memory, lost on restart. */
public final class InMemoryAuditLog implements AuditLog {

    private final Deque<AuditEntry> entries = new ArrayDeque<>();
    private final int capacity;

    public InMemoryAuditLog(int capacity) {
        this.capacity = capacity;
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
