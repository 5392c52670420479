package org.civicassist.assistant.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.civicassist.assistant.web.ApiException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The OpenAPI description ({@code /v3/api-docs}, springdoc, generated from the controllers) and the browsable UI
 * ({@code /swagger-ui.html}). Both are on by default; {@code springdoc.swagger-ui.enabled=false} turns the UI off
 * and {@code springdoc.api-docs.enabled=false} the description. Neither needs a login (they describe, they do not
 * call); the UI's pages are outside the strict CSP of the console pages ({@code SecurityHeaders}), since Swagger UI
 * uses inline styles.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    @Bean
    OpenAPI civicAssistantOpenApi() {
        return new OpenAPI().info(new Info().title("政务智能助手 · Civic assistant API")
                .description("Citizen chat (no login; each conversation is guarded by its X-Conversation-Token), "
                        + "staff API (/api/v1/staff/**, Authorization: Bearer <token> from /api/v1/staff/login) and "
                        + "admin API (/api/v1/admin/**, X-Admin-Key). Every error is application/problem+json with "
                        + "code, detail_zh and detail_en. The public contract is ../shared/API.md.")
                .version("v1"));
    }

    /**
     * With the UI switched off, Swagger UI's own files (a webjar that Boot serves under {@code /webjars/}) are not
     * served either: 404 like any unknown path.
     */
    @Bean
    @ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", havingValue = "false")
    WebFilter swaggerUiFilesOff() {
        return (exchange, chain) -> exchange.getRequest().getPath().pathWithinApplication().value()
                .startsWith("/webjars/swagger-ui")
                ? Mono.error(new ApiException(HttpStatus.NOT_FOUND, "not-found", "页面不存在。",
                "There is nothing at this address."))
                : chain.filter(exchange);
    }
}
