package org.civicassist.assistant.web;

import org.reactivestreams.Publisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends the long-lived event streams ({@code GET .../events} of citizens and staff) as soon as the application
 * starts shutting down. A graceful shutdown waits for every response in flight; an event stream never finishes on
 * its own, so without this each shutdown would last the whole {@code spring.lifecycle.timeout-per-shutdown-phase}.
 * Clients reconnect (to another instance) and resume with {@code Last-Event-ID}. Replies in flight, streamed ones
 * included, are not touched: they complete.
 */
public final class EventStreamsOnShutdown implements WebFilter, ApplicationListener<ContextClosedEvent> {

    private final Sinks.One<Boolean> closing = Sinks.one();

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing.tryEmitValue(true);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean eventStream = HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && exchange.getRequest().getPath().pathWithinApplication().value().endsWith("/events");
        if (!eventStream) {
            return chain.filter(exchange);
        }
        Mono<Boolean> shutdown = closing.asMono();
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return super.writeWith(Flux.from(body).takeUntilOther(shutdown));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return super.writeAndFlushWith(Flux.from(body).takeUntilOther(shutdown));
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }
}
