package org.civicassist.assistant.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/**
 * An error the API reports to its caller as {@code application/problem+json}, with a detail in Chinese and in
 * English. Never carries a stack trace or internal detail to the caller.
 */
public class ApiException extends RuntimeException {

    private static final String CONVERSATION_CLOSED = "conversation-closed";

    private final HttpStatus status;
    private final String code;
    private final String detailZh;
    private final String detailEn;
    private final HttpHeaders headers;

    public ApiException(HttpStatus status, String code, String detailZh, String detailEn) {
        this(status, code, detailZh, detailEn, HttpHeaders.EMPTY);
    }

    private ApiException(HttpStatus status, String code, String detailZh, String detailEn, HttpHeaders headers) {
        super(code + ": " + detailEn);
        this.status = status;
        this.code = code;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    /** 429 with {@code Retry-After} in whole seconds (at least 1). */
    public static ApiException tooManyRequests(String code, String detailZh, String detailEn, Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, detailZh, detailEn, headers);
    }

    /** Response headers the error calls for ({@code Retry-After} on 429). */
    public HttpHeaders headers() {
        return headers;
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable machine-readable code, also the last segment of the problem {@code type}. */
    public String code() {
        return code;
    }

    public String detailZh() {
        return detailZh;
    }

    public String detailEn() {
        return detailEn;
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "conversation-not-found", "会话不存在或已过期。",
                "The conversation does not exist or has expired.");
    }

    /**
     * 409 {@code conversation-closed}: the conversation is closed. Told to the citizen, with the advice to start a new
     * conversation.
     */
    public static ApiException conversationClosed() {
        return new ApiException(HttpStatus.CONFLICT, CONVERSATION_CLOSED, "会话已结束，请开始新的会话。",
                "The conversation is closed; start a new one.");
    }

    /** The same problem told to staff, who have nothing to start. */
    public static ApiException conversationClosedToStaff() {
        return new ApiException(HttpStatus.CONFLICT, CONVERSATION_CLOSED, "该会话已结束。", "The conversation is closed.");
    }

    public static ApiException missingToken() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "token-missing", "缺少会话令牌（X-Conversation-Token）。",
                "The conversation token (X-Conversation-Token) is missing.");
    }

    public static ApiException wrongToken() {
        return new ApiException(HttpStatus.FORBIDDEN, "token-invalid", "会话令牌不正确。",
                "The conversation token is not valid for this conversation.");
    }

    public static ApiException badInput(String detailZh, String detailEn) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-input", detailZh, detailEn);
    }
}
