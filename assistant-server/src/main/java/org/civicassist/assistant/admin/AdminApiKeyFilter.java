package org.civicassist.assistant.admin;

import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@code /api/v1/admin/**} with the API key of {@code assistant.admin.api-key}, sent in the
 * {@value #HEADER} header. Without a configured key the admin endpoints are disabled. (Staff login replaces this.)
 */
public final class AdminApiKeyFilter implements WebFilter {

    public static final String HEADER = "X-Admin-Key";
    static final String PATH_PREFIX = "/api/v1/admin/";

    private final Optional<byte[]> key;

    public AdminApiKeyFilter(Optional<String> apiKey) {
        this.key = apiKey.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!(path + "/").startsWith(PATH_PREFIX)) {
            return chain.filter(exchange);
        }
        if (key.isEmpty()) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "admin-disabled",
                    "管理接口未启用：请配置 assistant.admin.api-key。",
                    "The admin API is disabled: configure assistant.admin.api-key."));
        }
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (sent == null || sent.isBlank()) {
            return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "admin-key-missing",
                    "缺少管理密钥（" + HEADER + "）。", "The admin key (" + HEADER + ") is missing."));
        }
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), key.get())) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "admin-key-invalid", "管理密钥不正确。",
                    "The admin key is not valid."));
        }
        return chain.filter(exchange);
    }
}
