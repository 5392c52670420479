package org.civicassist.assistant.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the staff credential of a request: {@code Authorization: Bearer <login token>}; or, on
 * {@code GET /api/v1/staff/events} only, {@code ?token=<events ticket>} (never a login token in a URL, where it would
 * end up in logs and history).
 */
public final class StaffTokenConverter implements ServerAuthenticationConverter {

    public static final String EVENTS_PATH = "/api/v1/staff/events";
    private static final String BEARER = "bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.length() > BEARER.length()
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.just(new StaffTokenAuthentication(header.substring(BEARER.length()).strip(),
                    StaffTokenAuthentication.Kind.BEARER));
        }
        String ticket = exchange.getRequest().getQueryParams().getFirst("token");
        if (ticket != null && !ticket.isBlank() && HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && EVENTS_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return Mono.just(new StaffTokenAuthentication(ticket.strip(), StaffTokenAuthentication.Kind.EVENTS_TICKET));
        }
        return Mono.empty();
    }
}
