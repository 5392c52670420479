package org.civicassist.assistant.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Events between the citizen and staff sides, across server instances: in process for the embedded default, over
 * Redis pub/sub when Redis is configured. Delivery is best effort; the conversation store stays the truth (a
 * citizen's stream also re-reads the conversation on every heartbeat, and the console reloads on reconnect).
 */
public interface HandoffEvents {

    Mono<Void> publish(HandoffEvent event);

    /** Every event published from now on, on any instance. */
    Flux<HandoffEvent> events();
}
