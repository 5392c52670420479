package org.civicassist.assistant.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Response headers by kind of path (Spring Security adds {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy} everywhere):
 * <ul>
 *   <li>the pages this server renders (staff console, maintainers' console, demo portal, guide pages): a strict Content-Security-Policy
 *       (no inline script or style, nothing from other origins, Trusted Types), no framing;</li>
 *   <li>the staff API: no framing, no caching of staff data;</li>
 *   <li>an evaluation report shown in the maintainers' console ({@link #REPORT_CSP}): sandboxed, no script at all,
 *       only its own inline styles, framed by this origin's console only, not cached;</li>
 *   <li>the widget's files: loadable by the other sites' pages that embed them
 *       ({@code Cross-Origin-Resource-Policy: cross-origin}).</li>
 * </ul>
 */
public final class SecurityHeaders implements WebFilter, Ordered {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; require-trusted-types-for 'script'";

    /**
     * An evaluation report.html (written by the harness, inline CSS and SVG): whatever it holds runs in a sandbox of
     * its own origin, without script, and nothing is fetched.
     */
    static final String REPORT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    static final java.util.regex.Pattern REPORT = java.util.regex.Pattern.compile(
            "/api/v1/staff/maintain/quality/runs/[^/]+/reports/[^/]+/report\\.html");

    enum Kind { PAGE, REPORT, STAFF_API, WIDGET, OTHER }

    static Kind kindOf(String path) {
        if (REPORT.matcher(path).matches()) {
            return Kind.REPORT;
        }
        if (path.equals("/staff") || path.startsWith("/staff/") || path.equals("/admin") || path.startsWith("/admin/")
                || path.equals("/demo") || path.startsWith("/demo/")
                || path.startsWith("/guides/")) {
            return Kind.PAGE;
        }
        if (path.startsWith("/api/v1/staff/")) {
            return Kind.STAFF_API;
        }
        if (path.startsWith("/widget/")) {
            return Kind.WIDGET;
        }
        return Kind.OTHER;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Kind kind = kindOf(exchange.getRequest().getPath().pathWithinApplication().value());
        if (kind != Kind.OTHER) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders h = exchange.getResponse().getHeaders();
                h.set("X-Content-Type-Options", "nosniff");
                h.set("Referrer-Policy", "no-referrer");
                switch (kind) {
                    case PAGE -> {
                        h.set("Content-Security-Policy", CSP);
                        h.set("X-Frame-Options", "DENY");
                    }
                    case REPORT -> {
                        h.set("Content-Security-Policy", REPORT_CSP);
                        h.set("X-Frame-Options", "SAMEORIGIN");
                        h.setCacheControl("no-store");
                    }
                    case STAFF_API -> {
                        h.set("X-Frame-Options", "DENY");
                        h.setCacheControl("no-store");
                    }
                    case WIDGET -> h.set("Cross-Origin-Resource-Policy", "cross-origin");
                    default -> {
                    }
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
