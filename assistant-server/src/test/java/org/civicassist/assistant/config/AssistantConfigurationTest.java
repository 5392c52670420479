package org.civicassist.assistant.config;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.BgeSmallZhEmbedder.Weights;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssistantConfigurationTest {

    @Test
    void the_embedder_runs_the_default_weights_unless_a_setting_names_the_others() {
        assertThat(embedderFor(Map.of()).weights()).isEqualTo(BgeSmallZhEmbedder.DEFAULT_WEIGHTS);
        assertThat(embedderFor(Map.of("assistant.kb.embedding-weights", "float32")).weights())
                .isEqualTo(Weights.FLOAT32);
        assertThat(embedderFor(Map.of("assistant.kb.embedding-weights", "int8")).weights()).isEqualTo(Weights.INT8);
        // each keeps vectors of its own in the store
        assertThat(embedderFor(Map.of("assistant.kb.embedding-weights", "float32")).modelId())
                .isNotEqualTo(embedderFor(Map.of("assistant.kb.embedding-weights", "int8")).modelId());
    }

    @Test
    void a_misspelt_weights_setting_is_refused_at_start() {
        assertThatThrownBy(() -> embedderFor(Map.of("assistant.kb.embedding-weights", "int4")))
                .isInstanceOf(BindException.class).hasStackTraceContaining("embedding-weights");
    }

    /** The embedder bean as the server makes it from these settings (no model is loaded until first use). */
    private static BgeSmallZhEmbedder embedderFor(Map<String, String> settings) {
        AssistantProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("assistant", AssistantProperties.class);
        return (BgeSmallZhEmbedder) new AssistantConfiguration().embedder(properties);
    }
}
