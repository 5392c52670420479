package org.civicassist.assistant.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.core.codec.DecodingException;

import java.net.URI;

/**
 * Turns every error of the API into an RFC 9457 {@code application/problem+json} body with a Chinese and English
 * detail. Unexpected failures become a bare 500 whose detail says nothing internal; the cause is logged.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String TYPE_BASE = "https://civicassist.org/problems/";

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e, ServerWebExchange exchange) {
        return problem(e.status(), e.code(), e.detailZh(), e.detailEn(), exchange);
    }

    @ExceptionHandler({ServerWebInputException.class, DecodingException.class})
    public ResponseEntity<ProblemDetail> badRequest(Exception e, ServerWebExchange exchange) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "请求格式不正确，请发送 JSON，例如 {\"text\": \"...\"}。",
                "The request is malformed: send JSON such as {\"text\": \"...\"}.", exchange);
    }

    @ExceptionHandler({ResponseStatusException.class, ErrorResponseException.class})
    public ResponseEntity<ProblemDetail> framework(Exception e, ServerWebExchange exchange) {
        HttpStatusCode status = ((ErrorResponse) e).getStatusCode();
        if (status.is5xxServerError()) {
            log.error("request failed: {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "error" : known.getReasonPhrase();
        return problem(status, "http-" + status.value(), "请求无法处理（" + status.value() + "）。",
                "The request cannot be processed: " + reason + ".", exchange);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "服务暂时出现问题，请稍后再试或拨打 12345。",
                "Something went wrong on our side. Please try again later.", exchange);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String zh, String en,
                                                 ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, zh + " " + en);
        body.setType(URI.create(TYPE_BASE + code));
        HttpStatus known = HttpStatus.resolve(status.value());
        body.setTitle(known == null ? "Error" : known.getReasonPhrase());
        try {
            body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException ignored) {
            // an unparseable path is not worth echoing back
        }
        body.setProperty("code", code);
        body.setProperty("detail_zh", zh);
        body.setProperty("detail_en", en);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, headers, status);
    }
}
