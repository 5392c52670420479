package org.civicassist.assistant.testing;

import org.civicassist.kb.embed.Embedder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the embedding model with the {@link HashingEmbedder} in application tests over the tiny KB. */
@TestConfiguration(proxyBeanMethods = false)
public class TestEmbedderConfiguration {

    @Bean
    @Primary
    Embedder hashingEmbedder() {
        return new HashingEmbedder();
    }
}
