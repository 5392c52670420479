package org.civicassist.assistant.web;

import org.civicassist.assistant.conversation.ConcurrentUpdateException;
import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Maps every failure to the {@link Problem} the caller sees. Framework exceptions become fixed, bilingual messages:
 * their own text (class names, parser positions) never reaches the caller. Anything unknown is a 500 without detail.
 */
public final class Problems {

    private Problems() {
    }

    public static Problem of(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof ApiException api) {
            return new Problem(api.status(), api.code(), api.detailZh(), api.detailEn(), api.headers());
        }
        if (e instanceof ConcurrentUpdateException) {
            return new Problem(HttpStatus.CONFLICT, "conversation-busy", "会话正忙，请稍后重试。",
                    "The conversation is being changed by another request; please retry.");
        }
        if (e instanceof StoreUnavailableException) {
            HttpHeaders retry = new HttpHeaders();
            retry.set(HttpHeaders.RETRY_AFTER, "5");
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "服务暂时不可用，请稍后重试或拨打 12345。", "The service is briefly unavailable; please retry shortly.",
                    retry);
        }
        if (e instanceof DataBufferLimitException || e instanceof PayloadTooLargeException
                || e instanceof ContentTooLargeException) {
            return new Problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "请求内容过大。",
                    "The request body is too large.");
        }
        if (e instanceof DecodingException) {
            return malformed();
        }
        if (e instanceof MethodNotAllowedException m) {
            return new Problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    "该地址不支持 " + m.getHttpMethod() + " 请求。",
                    "The method " + m.getHttpMethod() + " is not allowed here.", allowHeader(m));
        }
        if (e instanceof UnsupportedMediaTypeStatusException u) {
            HttpHeaders accept = new HttpHeaders();
            if (!u.getSupportedMediaTypes().isEmpty()) {
                accept.setAccept(u.getSupportedMediaTypes());
            }
            return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "不支持的内容类型，请以 application/json 发送。",
                    "Unsupported content type: send application/json.", accept);
        }
        if (e instanceof NotAcceptableStatusException) {
            return new Problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                    "无法以请求的格式（Accept）返回结果，请接受 application/json。",
                    "The response cannot be given in the requested format (Accept); accept application/json.");
        }
        if (e instanceof ServerWebInputException input) {
            if (unwrap(input.getCause()) instanceof DataBufferLimitException) {
                return of(input.getCause());
            }
            return malformed();
        }
        if (e instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND) {
                return new Problem(HttpStatus.NOT_FOUND, "not-found", "请求的地址不存在。",
                        "There is nothing at this address.");
            }
            if (status != null && status.is4xxClientError()) {
                return new Problem(status, "http-" + status.value(), "请求无法处理（" + status.value() + "）。",
                        "The request cannot be processed: " + status.getReasonPhrase() + ".");
            }
        }
        return internal();
    }

    /** Whether the failure is ours (to be logged with its cause) rather than the caller's. */
    public static boolean isServerError(Problem p) {
        return p.status().is5xxServerError();
    }

    public static Problem malformed() {
        return new Problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "请求格式不正确，请发送有效的 JSON，例如 {\"text\": \"社保卡怎么补办\"}。",
                "The request is malformed: send valid JSON such as {\"text\": \"...\"}.");
    }

    public static Problem internal() {
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "服务暂时出现问题，请稍后再试或拨打 12345。",
                "Something went wrong on our side. Please try again later.");
    }

    private static HttpHeaders allowHeader(MethodNotAllowedException m) {
        HttpHeaders h = new HttpHeaders();
        h.setAllow(m.getSupportedMethods());
        return h;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        // Reactor wraps checked exceptions; the cause says what happened
        while (t != null && t.getClass().getName().startsWith("reactor.core.Exceptions$") && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
