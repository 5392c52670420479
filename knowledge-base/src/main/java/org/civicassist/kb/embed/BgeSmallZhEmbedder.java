package org.civicassist.kb.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * bge-small-zh-v1.5 (512 dimensions) running in process through LangChain4j's ONNX runtime: no external service.
 * The model (~95 MB) loads on first use, which takes a few seconds.
 */
public final class BgeSmallZhEmbedder implements Embedder {

    private final Executor executor;
    private volatile EmbeddingModel model;

    public BgeSmallZhEmbedder() {
        this(Runnable::run);
    }

    /** {@code executor} runs batches of {@link #embedAll} in parallel. */
    public BgeSmallZhEmbedder(Executor executor) {
        this.executor = executor;
    }

    @Override
    public String modelId() {
        return "bge-small-zh-v1.5";
    }

    @Override
    public int dimension() {
        return 512;
    }

    @Override
    public float[] embed(String text) {
        return Embedder.normalize(model().embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream()
                .map(Embedding::vector)
                .map(Embedder::normalize)
                .toList();
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new BgeSmallZhV15EmbeddingModel(executor);
                    model = m;
                }
            }
        }
        return m;
    }
}
