package org.civicassist.assistant.audit;

import reactor.core.publisher.Mono;

import java.util.List;

/** The record of staff actions, kept for administrators (in memory, or in a Redis stream when Redis is set). */
public interface AuditLog {

    Mono<Void> record(AuditEntry entry);

    /** The most recent entries first. */
    Mono<List<AuditEntry>> recent(int limit);
}
