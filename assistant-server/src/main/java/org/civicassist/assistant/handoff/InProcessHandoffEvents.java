package org.civicassist.assistant.handoff;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;

/** Events within one server: the embedded default. */
public final class InProcessHandoffEvents implements HandoffEvents {

    private final Sinks.Many<HandoffEvent> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(HandoffEvent event) {
        return Mono.fromRunnable(() -> emit(event));
    }

    /** Also used by {@link RedisHandoffEvents} to hand on what arrives from Redis. */
    void emit(HandoffEvent event) {
        // publishers on several threads at once: retry briefly instead of failing on a concurrent emission
        sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200)));
    }

    @Override
    public Flux<HandoffEvent> events() {
        return sink.asFlux();
    }
}
