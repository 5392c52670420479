package org.civicassist.kb.embed;

import org.apache.lucene.util.VectorUtil;

import java.util.ArrayList;
import java.util.List;

/** Turns text into a unit-length vector. Implementations are thread-safe. */
public interface Embedder {

    /** Identifies the model (and any query instruction), so cached vectors of another model are never reused. */
    String modelId();

    int dimension();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }

    static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /**
     * Dot product of two vectors of equal length (the cosine of unit vectors). Lucene's, which keeps several partial
     * sums (vectorised where the JVM allows): a plain loop's single running sum waits on each addition, and the ranker
     * takes hundreds of these per question.
     */
    static float dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }
}
