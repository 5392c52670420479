package org.civicassist.assistant.audit;

import reactor.core.publisher.Mono;

import java.util.List;

/** The record of staff actions, kept for administrators (in memory, or in a Redis stream when Redis is set). */
public interface AuditLog {

    Mono<Void> record(AuditEntry entry);

    /** The most recent entries first. */
    Mono<List<AuditEntry>> recent(int limit);

    /** Entries scanned at most by {@link #about}. */
    int SCAN_LIMIT = 100_000;

    /** The most recent entries about one conversation or account ({@code target}), most recent first. */
    default Mono<List<AuditEntry>> about(String target, int limit) {
        return recent(SCAN_LIMIT).map(all -> all.stream().filter(e -> target.equals(e.target())).limit(limit)
                .toList());
    }
}
