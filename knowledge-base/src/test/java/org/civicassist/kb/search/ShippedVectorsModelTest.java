package org.civicassist.kb.search;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.embed.ShippedVectors;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vectors the demo KB ships are the model's own for their texts, so that a build that takes them ranks as one
 * that embeds afresh. A handful of texts only: the model embeds about 50 a second.
 */
class ShippedVectorsModelTest {

    @Test
    void shipped_vectors_equal_the_models_output__for_a_sample_of_the_bundled_texts() {
        // given: spread over the build's texts (phrasings, FAQ contents, guide chunks), and the longest one
        List<String> all = KnowledgeSearchBuilder.embeddedTexts(
                new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase());
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += all.size() / 5) {
            sample.add(all.get(i));
        }
        sample.add(all.stream().max(Comparator.comparingInt(String::length)).orElseThrow());
        BgeSmallZhEmbedder model = new BgeSmallZhEmbedder(1);
        ShippedVectors shipped = KnowledgeSearchBuilder.shippedVectors(KbSource.bundled(), model);

        // when: shipped vectors looked up, with a model behind them that must not be asked
        List<float[]> fromFile = shipped.before(new Embedder() {
            @Override
            public String modelId() {
                return model.modelId();
            }

            @Override
            public int dimension() {
                return model.dimension();
            }

            @Override
            public float[] embed(String text) {
                throw new AssertionError("no shipped vector for " + text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                throw new AssertionError("no shipped vector for " + texts);
            }
        }).embedAll(sample);
        List<float[]> fresh = model.embedAll(sample);

        // then
        assertThat(sample).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 0; i < sample.size(); i++) {
            assertThat((double) Embedder.dot(fromFile.get(i), fresh.get(i)))
                    .as("cosine of the shipped and the fresh vector of text %d (%d characters)", i,
                            sample.get(i).length())
                    .isGreaterThanOrEqualTo(1 - 1e-5);
        }
    }
}
