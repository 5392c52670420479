package org.civicassist.kb.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the embedding model in tests: records every call; a text's vector is derived from its characters
 * (512 dimensions, unit length), so equal texts get equal vectors and no ONNX model is loaded.
 */
public final class RecordingEmbedder implements Embedder {

    /** The texts of each call to {@link #embedAll}, in order ({@link #embed} is a call of one). */
    public final List<List<String>> calls = new ArrayList<>();
    private final String modelId;

    public RecordingEmbedder() {
        this("recording");
    }

    /** Under another model's id, e.g. to be keyed like the real model's stored vectors. */
    public RecordingEmbedder(String modelId) {
        this.modelId = modelId;
    }

    public static float[] vector(String text) {
        float[] v = new float[512];
        for (int i = 0; i < text.length(); i++) {
            v[text.charAt(i) % 512] += 1;
        }
        return Embedder.normalize(v);
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return 512;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        calls.add(List.copyOf(texts));
        return texts.stream().map(RecordingEmbedder::vector).toList();
    }
}
