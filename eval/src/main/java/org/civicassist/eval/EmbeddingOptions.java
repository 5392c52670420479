package org.civicassist.eval;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import picocli.CommandLine.Option;

/**
 * Which weights of the embedding model a run uses, as a picocli mixin ({@code @Mixin EmbeddingOptions embedding;}):
 * the server's default unless {@code --embedding-weights} names the other, so that the two can be measured on the
 * same questions. Each weights' vectors and indexes are stored apart in {@code --store}.
 */
public final class EmbeddingOptions {

    @Option(names = "--embedding-weights", paramLabel = "WEIGHTS",
            description = "weights of bge-small-zh-v1.5: INT8 or FLOAT32 (default: the server's default, INT8)")
    BgeSmallZhEmbedder.Weights weights;

    public BgeSmallZhEmbedder.Weights weights() {
        return weights == null ? BgeSmallZhEmbedder.DEFAULT_WEIGHTS : weights;
    }

    /** A new embedder of these weights (the model loads on first use). */
    public BgeSmallZhEmbedder embedder() {
        return new BgeSmallZhEmbedder(weights());
    }
}
