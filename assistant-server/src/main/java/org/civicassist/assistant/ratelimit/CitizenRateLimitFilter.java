package org.civicassist.assistant.ratelimit;

import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits what one client may send to the citizen API per minute, and what one conversation may: every POST under
 * {@code /api/v1/conversations} counts against the client's address, each message also against its conversation.
 * A refusal is 429 problem+json with {@code Retry-After}.
 */
public final class CitizenRateLimitFilter implements WebFilter {

    static final String CITIZEN_API = "/api/v1/conversations";
    private static final Pattern MESSAGES = Pattern.compile("^/api/v1/conversations/([^/]+)/messages/?$");

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ClientAddress clients;

    public CitizenRateLimitFilter(RateLimiter limiter, RateLimitProperties limits) {
        this.limiter = limiter;
        this.limits = limits;
        this.clients = new ClientAddress(limits.trustForwardedFor());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())
                || !(path.equals(CITIZEN_API) || path.startsWith(CITIZEN_API + "/"))) {
            return chain.filter(exchange);
        }
        Mono<RateLimiter.Verdict> client = limiter.acquire("client:" + clients.of(exchange.getRequest()),
                limits.requestsPerMinutePerClient());
        Matcher message = MESSAGES.matcher(path);
        return client.flatMap(byClient -> {
            if (!byClient.allowed()) {
                return Mono.error(ApiException.tooManyRequests("rate-limited",
                        "您的请求太频繁了，请稍后再试。", "Too many requests from your address; try again shortly.",
                        byClient.retryAfter()));
            }
            if (!message.matches()) {
                return chain.filter(exchange);
            }
            // ids are checked by the chat service; a bucket per well-formed-looking id only
            String id = message.group(1);
            if (id.length() > 64) {
                return chain.filter(exchange);
            }
            return limiter.acquire("conversation:" + id, limits.messagesPerMinutePerConversation())
                    .flatMap(byConversation -> byConversation.allowed() ? chain.filter(exchange)
                            : Mono.error(ApiException.tooManyRequests("rate-limited",
                            "您发送消息太快了，请稍等片刻再发。", "Messages are coming too fast in this conversation; "
                                    + "wait a moment.", byConversation.retryAfter())));
        });
    }
}
