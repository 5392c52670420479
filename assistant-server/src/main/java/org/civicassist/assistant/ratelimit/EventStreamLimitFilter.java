package org.civicassist.assistant.ratelimit;

import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the server-sent event streams (citizens' {@code /api/v1/conversations/{id}/events} and staff's
 * {@code /api/v1/staff/events}) this instance holds open, in all and per client address: each open stream holds a
 * connection and a subscription for as long as the client likes. A stream beyond a cap is refused with 429.
 */
public final class EventStreamLimitFilter implements WebFilter {

    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final RateLimitProperties limits;
    private final ClientAddress clients;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> openByClient = new ConcurrentHashMap<>();

    public EventStreamLimitFilter(RateLimitProperties limits) {
        this.limits = limits;
        this.clients = new ClientAddress(limits.trustForwardedFor());
    }

    static boolean isEventStream(String path) {
        return path.equals("/api/v1/staff/events")
                || (path.startsWith("/api/v1/conversations/") && path.endsWith("/events"));
    }

    /** Streams open now, for metrics and tests. */
    public int open() {
        return open.get();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod()) || !isEventStream(path)) {
            return chain.filter(exchange);
        }
        String client = clients.of(exchange.getRequest());
        AtomicInteger mine = openByClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (open.incrementAndGet() > limits.maxEventStreams()) {
            release(client, mine, false);
            return Mono.error(ApiException.tooManyRequests("too-many-streams", "当前连接较多，请稍后再试。",
                    "The server holds too many live connections; try again shortly.", RETRY_AFTER));
        }
        if (mine.incrementAndGet() > limits.maxEventStreamsPerClient()) {
            release(client, mine, true);
            return Mono.error(ApiException.tooManyRequests("too-many-streams", "您打开的实时连接太多了，请关闭多余的页面。",
                    "Too many live connections from your address; close some pages.", RETRY_AFTER));
        }
        return chain.filter(exchange).doFinally(signal -> release(client, mine, true));
    }

    private void release(String client, AtomicInteger mine, boolean counted) {
        open.decrementAndGet();
        if (counted && mine.decrementAndGet() <= 0) {
            openByClient.remove(client, mine);
        } else if (!counted && mine.get() <= 0) {
            openByClient.remove(client, mine);
        }
    }
}
