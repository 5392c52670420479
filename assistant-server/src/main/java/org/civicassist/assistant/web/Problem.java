package org.civicassist.assistant.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.Objects;

/**
 * One error as the API reports it: an HTTP status, a stable machine-readable code, and the same detail in Chinese
 * and English. Rendered as RFC 9457 {@code application/problem+json} by {@link ProblemJsonExceptionHandler}.
 *
 * @param headers response headers the status calls for ({@code Allow} on 405, {@code Accept} on 415)
 */
public record Problem(HttpStatus status, String code, String detailZh, String detailEn, HttpHeaders headers) {

    public static final String TYPE_BASE = "https://civicassist.org/problems/";

    public Problem {
        Objects.requireNonNull(status);
        Objects.requireNonNull(code);
        Objects.requireNonNull(detailZh);
        Objects.requireNonNull(detailEn);
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        headers = HttpHeaders.readOnlyHttpHeaders(copy);
    }

    public Problem(HttpStatus status, String code, String detailZh, String detailEn) {
        this(status, code, detailZh, detailEn, null);
    }

    public String type() {
        return TYPE_BASE + code;
    }
}
