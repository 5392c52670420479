package org.civicassist.assistant.testing;

import org.civicassist.kb.embed.Embedder;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A fast, deterministic stand-in for the embedding model in tests that are not about retrieval quality: the
 * character bigrams of a text hashed into a unit vector, so texts sharing many bigrams are similar.
 */
public final class HashingEmbedder implements Embedder {

    static final int DIMENSION = 256;

    @Override
    public String modelId() {
        return "test-hashing-bigrams";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[DIMENSION];
        int[] cps = text.codePoints().filter(Character::isLetterOrDigit).toArray();
        for (int i = 0; i < cps.length; i++) {
            String gram = i + 1 < cps.length ? new String(cps, i, 2) : new String(cps, i, 1);
            CRC32 crc = new CRC32();
            crc.update(gram.getBytes(StandardCharsets.UTF_8));
            v[(int) (crc.getValue() % DIMENSION)] += 1;
        }
        return Embedder.normalize(v);
    }
}
