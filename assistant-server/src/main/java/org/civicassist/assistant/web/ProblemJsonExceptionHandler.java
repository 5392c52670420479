package org.civicassist.assistant.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders every error of the application — from controllers, filters, routing (404, 405, 406, 415) and request
 * decoding — as an RFC 9457 {@code application/problem+json} body with a Chinese and English detail, whatever the
 * request accepts. Runs before Spring Boot's error handler so that no default error page or stack trace is ever
 * shown. Unexpected failures are logged here with their cause and answered with a bare 500.
 */
@Component
public class ProblemJsonExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Before Boot's ErrorWebExceptionHandler (-1) and WebFluxResponseStatusExceptionHandler (0). */
    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = Problems.of(error);
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("request failed, store unavailable: {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error.toString());
        } else if (Problems.isServerError(problem)) {
            log.error("request failed: {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error);
        } else {
            log.debug("request rejected: {} {} -> {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), problem.status().value(), problem.code());
        }
        response.setStatusCode(problem.status());
        response.getHeaders().clearContentHeaders();
        problem.headers().forEach((name, values) -> response.getHeaders().put(name, values));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = JSON.writeValueAsBytes(body(problem, exchange.getRequest().getPath().value()));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static Map<String, Object> body(Problem problem, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.detailZh() + " " + problem.detailEn());
        body.put("instance", path);
        body.put("code", problem.code());
        body.put("detail_zh", problem.detailZh());
        body.put("detail_en", problem.detailEn());
        return body;
    }
}
