package org.civicassist.assistant.openai;

import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Admits requests to the OpenAI-compatible endpoint that carry one of the configured keys as
 * {@code Authorization: Bearer <key>}. Without configured keys the endpoint is disabled: 403
 * {@code openai-api-disabled}. No key: 401 {@code api-key-missing}; another key: 401 {@code api-key-invalid}.
 */
final class ApiKeyFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String BEARER = "Bearer ";

    private final List<byte[]> keys;

    ApiKeyFilter(List<String> keys) {
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (keys.isEmpty()) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "openai-api-disabled",
                    "OpenAI 兼容接口未启用：请配置 assistant.openai.api-keys。",
                    "The OpenAI-compatible API is disabled: configure assistant.openai.api-keys."));
        }
        String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "api-key-missing",
                    "缺少 API 密钥（Authorization: Bearer）。", "The API key (Authorization: Bearer) is missing."));
        }
        byte[] sent = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            // every key compared, in constant time, so timing tells nothing
            known |= MessageDigest.isEqual(sent, key);
        }
        if (!known) {
            return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "api-key-invalid", "API 密钥不正确。",
                    "The API key is not valid."));
        }
        return next.handle(request);
    }
}
