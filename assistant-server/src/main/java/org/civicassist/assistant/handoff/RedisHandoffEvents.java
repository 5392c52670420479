package org.civicassist.assistant.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Events over Redis pub/sub on the channel {@code {prefix}handoff:events}, so that a citizen connected to one
 * instance hears the staff member connected to another. Each instance subscribes once and hands what arrives to its
 * local subscribers (an event published here comes back through Redis like any other). Pub/sub does not keep
 * messages: one missed while Redis is unreachable is recovered by re-reading the store (see {@link HandoffEvents}).
 */
public final class RedisHandoffEvents implements HandoffEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisHandoffEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveStringRedisTemplate redis;
    private final String channel;
    private final InProcessHandoffEvents local = new InProcessHandoffEvents();
    private final Disposable subscription;

    /**
     * Subscribes in the background: a listener container connects when it is made, so one is made per attempt,
     * and an instance started while Redis is unreachable starts anyway and subscribes once Redis answers.
     */
    public RedisHandoffEvents(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections,
                              String keyPrefix) {
        this.redis = redis;
        this.channel = keyPrefix + "handoff:events";
        this.subscription = Flux.using(() -> new ReactiveRedisMessageListenerContainer(connections),
                        container -> container.receive(ChannelTopic.of(channel)),
                        ReactiveRedisMessageListenerContainer::destroy)
                .subscribeOn(Schedulers.boundedElastic())
                .concatMap(message -> Mono.fromCallable(() -> JSON.readValue(message.getMessage(), HandoffEvent.class))
                        .onErrorResume(e -> {
                            log.warn("ignored a malformed handoff event: {}", e.toString());
                            return Mono.empty();
                        }))
                .doOnError(e -> log.warn("handoff events from Redis interrupted, resubscribing: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .subscribe(local::deliver);
    }

    @Override
    public Mono<Void> publish(HandoffEvent event) {
        return Mono.fromCallable(() -> JSON.writeValueAsString(event))
                .flatMap(json -> redis.convertAndSend(channel, json))
                .then();
    }

    @Override
    public Flux<HandoffEvent> events() {
        return local.events();
    }

    @Override
    public void close() {
        subscription.dispose();
        local.close();
    }
}
