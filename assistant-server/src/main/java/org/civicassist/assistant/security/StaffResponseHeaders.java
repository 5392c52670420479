package org.civicassist.assistant.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Response headers of the staff console and the staff API: a strict Content-Security-Policy (no inline script or
 * style, nothing from other origins), no framing, no caching of staff data, no referrer. The citizen widget's files
 * are left alone: host pages embed them.
 */
public final class StaffResponseHeaders implements WebFilter, Ordered {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean console = path.equals("/staff") || path.startsWith("/staff/");
        boolean api = path.startsWith("/api/v1/staff/");
        if (console || api) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders h = exchange.getResponse().getHeaders();
                h.set("X-Frame-Options", "DENY");
                h.set("Referrer-Policy", "no-referrer");
                h.set("X-Content-Type-Options", "nosniff");
                if (console) {
                    h.set("Content-Security-Policy", CSP);
                }
                if (api) {
                    h.setCacheControl("no-store");
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
