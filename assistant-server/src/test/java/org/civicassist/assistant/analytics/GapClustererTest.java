package org.civicassist.assistant.analytics;

import org.civicassist.assistant.testing.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GapClustererTest {

    @Test
    void puts_similar_texts_together_and_keeps_different_ones_apart() {
        GapClusterer clusterer = new GapClusterer(new HashingEmbedder(), 0.5);

        List<GapClusterer.Cluster> clusters = clusterer.cluster(List.of("新生儿医保怎么办理", "电动车上牌去哪里",
                "新生儿医保如何办理", "电动车上牌在哪里"));

        assertThat(clusters).extracting(GapClusterer.Cluster::members)
                .containsExactly(List.of(0, 2), List.of(1, 3));
    }

    @Test
    void a_threshold_of_one_keeps_every_distinct_text_alone() {
        GapClusterer clusterer = new GapClusterer(new HashingEmbedder(), 1.0);

        assertThat(clusterer.cluster(List.of("新生儿医保怎么办理", "新生儿医保如何办理"))).hasSize(2);
        assertThat(clusterer.cluster(List.of())).isEmpty();
    }

    @Test
    void rejects_a_threshold_outside_zero_to_one() {
        assertThatThrownBy(() -> new GapClusterer(new HashingEmbedder(), 0)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new GapClusterer(new HashingEmbedder(), 1.5)).isInstanceOf(
                IllegalArgumentException.class);
    }
}
