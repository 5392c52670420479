package org.civicassist.assistant.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events within one server: the embedded default. */
public final class InProcessHandoffEvents implements HandoffEvents {

    private static final Logger log = LoggerFactory.getLogger(InProcessHandoffEvents.class);

    private final Sinks.Many<HandoffEvent> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(HandoffEvent event) {
        return Mono.fromRunnable(() -> emit(event));
    }

    /**
     * Also used by {@link RedisHandoffEvents} to hand on what arrives from Redis. Serialised, as publishers run on
     * several threads; a failed emission (no listener, or every listener busy) drops the event for them and never
     * terminates the sink.
     */
    synchronized void emit(HandoffEvent event) {
        Sinks.EmitResult result = sink.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.debug("handoff event {} not delivered locally: {}", event.type(), result);
        }
    }

    @Override
    public Flux<HandoffEvent> events() {
        return sink.asFlux();
    }
}
