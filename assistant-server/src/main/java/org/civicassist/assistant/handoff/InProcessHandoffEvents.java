package org.civicassist.assistant.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Events within one server: the embedded default. Every event is handed to the listeners on one dedicated thread,
 * in the order published, so that a request thread never waits for (or runs) the listeners' work.
 */
public final class InProcessHandoffEvents implements HandoffEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessHandoffEvents.class);

    private final Sinks.Many<HandoffEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Scheduler deliverer = Schedulers.newSingle("handoff-events", true);

    @Override
    public Mono<Void> publish(HandoffEvent event) {
        return Mono.<Void>fromRunnable(() -> emit(event)).subscribeOn(deliverer);
    }

    /** Hands on an event that arrived from elsewhere (Redis), on the delivering thread. */
    void deliver(HandoffEvent event) {
        deliverer.schedule(() -> emit(event));
    }

    /** Runs on the delivering thread only; a failed emission drops the event and never terminates the sink. */
    private void emit(HandoffEvent event) {
        Sinks.EmitResult result = sink.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.debug("handoff event {} not delivered locally: {}", event.type(), result);
        }
    }

    @Override
    public Flux<HandoffEvent> events() {
        return sink.asFlux();
    }

    @Override
    public void close() {
        deliverer.dispose();
    }
}
