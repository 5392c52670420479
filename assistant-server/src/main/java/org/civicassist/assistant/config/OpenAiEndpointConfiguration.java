package org.civicassist.assistant.config;

import org.civicassist.assistant.openai.OpenAiEndpointProperties;
import org.civicassist.assistant.openai.OpenAiRoutes;
import org.civicassist.assistant.pipeline.Assistant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Clock;

/** The OpenAI-compatible endpoint ({@code assistant.openai.*}); disabled (403) until API keys are configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiEndpointProperties.class)
public class OpenAiEndpointConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenAiEndpointConfiguration.class);

    @Bean
    RouterFunction<ServerResponse> openAiRoutes(OpenAiEndpointProperties settings, Assistant assistant,
                                                AssistantProperties properties, Clock clock) {
        if (settings.enabled()) {
            log.info("OpenAI-compatible endpoint /v1/chat/completions enabled for {} API key(s), model name '{}'",
                    settings.apiKeys().size(), settings.model());
        }
        return OpenAiRoutes.of(settings, assistant, properties.chat().maxMessageLength(), clock);
    }
}
