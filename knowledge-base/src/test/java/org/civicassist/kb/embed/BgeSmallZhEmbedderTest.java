package org.civicassist.kb.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import org.civicassist.kb.index.VectorViews;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.passage.Chunker;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batched, parallel path gives the vectors of the one-text-at-a-time loop over LangChain4j's stock model (what
 * this class did before, and what the vectors cached on disk were made with), in the order of the texts.
 */
class BgeSmallZhEmbedderTest {

    static List<String> texts;
    static List<float[]> loop;

    /** A few dozen real texts of the bundled KB: every tenth embedded text, and the longest ones (several windows). */
    @BeforeAll
    static void embedOneAtATimeWithTheStockModel() {
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

        EmbeddingModel stock = new BgeSmallZhV15EmbeddingModel(Runnable::run);
        loop = new ArrayList<>();
        for (String text : texts) {
            loop.add(Embedder.normalize(stock.embed(text).content().vector()));
        }
    }

    @Test
    void should_give_the_vectors_of_the_one_at_a_time_loop__when_texts_are_embedded_in_parallel() {
        assertSameAsLoop(new BgeSmallZhEmbedder(2).embedAll(texts));
        // more workers than cores: more concurrent runs on the one session
        assertSameAsLoop(new BgeSmallZhEmbedder(5).embedAll(texts));
    }

    @Test
    void should_give_the_same_vectors__when_a_build_runs_on_a_session_of_its_own() {
        assertSameAsLoop(new BgeSmallZhEmbedder(2, 1).embedAll(texts));
    }

    @Test
    void should_give_the_vectors_of_the_one_at_a_time_loop__when_texts_are_embedded_singly_or_in_one_thread() {
        BgeSmallZhEmbedder one = new BgeSmallZhEmbedder(1);
        assertSameAsLoop(one.embedAll(texts));
        List<float[]> singly = texts.stream().map(new BgeSmallZhEmbedder(2)::embed).toList();
        assertSameAsLoop(singly);
    }

    @Test
    void should_throw_and_not_hang__when_one_text_of_a_batch_cannot_be_embedded() {
        List<String> withBlank = new ArrayList<>(texts.subList(0, 6));
        withBlank.add(3, "   ");

        assertThatThrownBy(() -> new BgeSmallZhEmbedder(2).embedAll(withBlank))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameAsLoop(List<float[]> vectors) {
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
