package org.civicassist.kb.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.civicassist.kb.embed.BgeSmallZhEmbedder.Weights;
import org.civicassist.kb.index.VectorViews;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.passage.Chunker;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batched, parallel path gives the vectors of the one-text-at-a-time loop over LangChain4j's stock model of the
 * same weights (what this class did before, and what the vectors cached on disk were made with), in the order of the
 * texts; the two weights give vectors of their own.
 */
class BgeSmallZhEmbedderTest {

    static List<String> texts;
    static final Map<Weights, List<float[]>> loops = new EnumMap<>(Weights.class);

    /** A few dozen real texts of the bundled KB: every tenth embedded text, and the longest ones (several windows). */
    @BeforeAll
    static void embedOneAtATimeWithTheStockModels() {
        List<Passage> passages = new PassageBuilder(Chunker.defaults()).build(
                new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase());
        List<String> all = new ArrayList<>();
        for (Passage p : passages) {
            VectorViews.of(p).forEach(v -> all.add(v.text()));
        }
        texts = new ArrayList<>();
        for (int i = 0; i < all.size() && texts.size() < 36; i += 10) {
            texts.add(all.get(i));
        }
        all.stream().sorted(Comparator.comparingInt(String::length).reversed()).limit(4).forEach(texts::add);

        loops.put(Weights.FLOAT32, loop(new BgeSmallZhV15EmbeddingModel(Runnable::run)));
        loops.put(Weights.INT8, loop(new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run)));
    }

    private static List<float[]> loop(EmbeddingModel stock) {
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            vectors.add(Embedder.normalize(stock.embed(text).content().vector()));
        }
        return vectors;
    }

    @ParameterizedTest
    @EnumSource(Weights.class)
    void should_give_the_vectors_of_the_one_at_a_time_loop__when_texts_are_embedded_in_parallel(Weights weights) {
        assertSameAsLoop(weights, new BgeSmallZhEmbedder(weights, 2).embedAll(texts));
        // more workers than cores: more concurrent runs on the one session
        assertSameAsLoop(weights, new BgeSmallZhEmbedder(weights, 5).embedAll(texts));
    }

    @ParameterizedTest
    @EnumSource(Weights.class)
    void should_give_the_same_vectors__when_a_build_runs_on_a_session_of_its_own(Weights weights) {
        assertSameAsLoop(weights, new BgeSmallZhEmbedder(weights, 2, 1).embedAll(texts));
    }

    @ParameterizedTest
    @EnumSource(Weights.class)
    void should_give_the_vectors_of_the_one_at_a_time_loop__when_texts_are_embedded_singly_or_in_one_thread(
            Weights weights) {
        BgeSmallZhEmbedder one = new BgeSmallZhEmbedder(weights, 1);
        assertSameAsLoop(weights, one.embedAll(texts));
        List<float[]> singly = texts.stream().map(new BgeSmallZhEmbedder(weights, 2)::embed).toList();
        assertSameAsLoop(weights, singly);
    }

    @Test
    void should_key_the_two_weights_apart__since_their_vectors_differ() {
        assertThat(Weights.INT8.modelId()).isNotEqualTo(Weights.FLOAT32.modelId());
        assertThat(new BgeSmallZhEmbedder(Weights.INT8, 1).modelId()).isEqualTo(Weights.INT8.modelId());
        // near, not equal: a stored float32 vector is not an int8 one
        double lowest = 1;
        for (int i = 0; i < texts.size(); i++) {
            double cosine = Embedder.dot(loops.get(Weights.FLOAT32).get(i), loops.get(Weights.INT8).get(i));
            assertThat(cosine).as("text %d", i).isGreaterThan(0.95);
            lowest = Math.min(lowest, cosine);
        }
        assertThat(lowest).isLessThan(1 - 1e-4);
    }

    @Test
    void should_throw_and_not_hang__when_one_text_of_a_batch_cannot_be_embedded() {
        List<String> withBlank = new ArrayList<>(texts.subList(0, 6));
        withBlank.add(3, "   ");

        assertThatThrownBy(() -> new BgeSmallZhEmbedder(BgeSmallZhEmbedder.DEFAULT_WEIGHTS, 2).embedAll(withBlank))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameAsLoop(Weights weights, List<float[]> vectors) {
        List<float[]> loop = loops.get(weights);
        assertThat(vectors).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            assertThat(v).hasSize(512);
            assertThat((double) Embedder.dot(v, loop.get(i)))
                    .as("cosine with the loop's vector of text %d (%d characters)", i, texts.get(i).length())
                    .isGreaterThanOrEqualTo(1 - 1e-5);
        }
    }
}
