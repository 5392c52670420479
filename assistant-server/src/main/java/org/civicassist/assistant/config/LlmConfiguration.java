package org.civicassist.assistant.config;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.civicassist.assistant.llm.LlmHooks;
import org.civicassist.assistant.llm.LlmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.Locale;

/**
 * The optional language model ({@code assistant.llm.*}), handed to the assembly of the answer path. Metrics:
 * {@code assistant_llm_calls_total{use=answer|rewrite, outcome=used|rejected|unavailable}} and
 * {@code assistant_llm_circuit_open} (1 while the circuit breaker keeps the model out).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
public class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    LlmHooks llmHooks(LlmProperties settings, MeterRegistry registry) {
        if (!settings.enabled()) {
            log.info("No language model (assistant.llm.enabled=false): answers are the knowledge base's own text");
            return LlmHooks.none();
        }
        log.info("Language model {} at {} (API key {}): rewrites follow-ups {}, writes answers from the retrieved "
                        + "passages; first token within {}, whole answer within {}", settings.model(),
                origin(settings.baseUrl()), settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : "set",
                settings.rewriteFollowUps() ? "on" : "off", settings.firstTokenTimeout(), settings.totalTimeout());
        LlmHooks hooks = LlmHooks.create(settings, (use, outcome) -> registry.counter("assistant.llm.calls",
                "use", use.name().toLowerCase(Locale.ROOT), "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .increment());
        hooks.breaker().ifPresent(breaker -> Gauge.builder("assistant.llm.circuit.open", breaker,
                        b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while the language model is not called after repeated failures")
                .register(registry));
        return hooks;
    }

    /** Scheme, host and port only: a URL may carry credentials. */
    private static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }
}
