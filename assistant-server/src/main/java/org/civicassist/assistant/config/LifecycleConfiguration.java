package org.civicassist.assistant.config;

import org.civicassist.assistant.web.EventStreamsOnShutdown;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shutdown: graceful (application.yml), with the open event streams ended first so that it is also quick. */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

    @Bean
    EventStreamsOnShutdown eventStreamsOnShutdown() {
        return new EventStreamsOnShutdown();
    }
}
