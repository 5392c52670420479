package org.civicassist.kb.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vectors that come with a knowledge base ({@code vectors-<model>.bin} beside its {@code faq.jsonl}, in
 * {@link VectorFile}'s format), so that its first build on a fresh machine does not have to embed them. Read-only and
 * keyed like the embedding cache (model id and text): an edited text simply is not found and is embedded; vectors of
 * another model are never found.
 */
public final class ShippedVectors {

    private static final ShippedVectors NONE = new ShippedVectors("", Map.of());

    private final String modelId;
    private final Map<String, float[]> vectors;

    private ShippedVectors(String modelId, Map<String, float[]> vectors) {
        this.modelId = modelId;
        this.vectors = vectors;
    }

    /** No shipped vectors: everything is embedded. */
    public static ShippedVectors none() {
        return NONE;
    }

    /** Reads a shipped file of vectors made by the model {@code modelId}; the caller closes {@code in}. */
    public static ShippedVectors read(InputStream in, String modelId, int dimension) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        VectorFile.read(in, dimension, vectors);
        return new ShippedVectors(modelId, vectors);
    }

    /**
     * Writes the vectors of {@code texts} as a KB's shipped file: each distinct text once, sorted by key so that the
     * same texts always give the same bytes. Written aside and renamed over {@code out}, never half a file.
     *
     * @return the file's size in bytes
     */
    public static long write(Path out, String modelId, List<String> texts, List<float[]> vectors) throws IOException {
        if (texts.size() != vectors.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + vectors.size() + " vectors");
        }
        Map<String, float[]> sorted = new TreeMap<>();
        for (int i = 0; i < texts.size(); i++) {
            sorted.put(VectorFile.key(modelId, texts.get(i)), vectors.get(i));
        }
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // a sibling, not Files.createTempFile: that one is readable by its owner only, and this file is shipped
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(tmp)) {
                VectorFile.write(stream, sorted);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Files.size(target);
    }

    public int size() {
        return vectors.size();
    }

    /** Whether a vector of this text by the given model is shipped. */
    public boolean contains(String modelId, String text) {
        return this.modelId.equals(modelId) && vectors.containsKey(VectorFile.key(modelId, text));
    }

    /**
     * An embedder that takes the shipped vector of each text it has and asks {@code next} (the caching embedder) for
     * the others, all in one call. Shipped vectors never reach {@code next}, so they are not copied into its store.
     */
    public Embedder before(Embedder next) {
        if (vectors.isEmpty() || !modelId.equals(next.modelId())) {
            return next;
        }
        return new Seeded(next);
    }

    private final class Seeded implements Embedder {
        private final Embedder next;

        Seeded(Embedder next) {
            this.next = next;
        }

        @Override
        public String modelId() {
            return next.modelId();
        }

        @Override
        public int dimension() {
            return next.dimension();
        }

        @Override
        public float[] embed(String text) {
            return embedAll(List.of(text)).get(0);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> out = new ArrayList<>(texts.size());
            List<Integer> missingAt = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                float[] shipped = vectors.get(VectorFile.key(modelId, texts.get(i)));
                out.add(shipped);
                if (shipped == null) {
                    missingAt.add(i);
                    missing.add(texts.get(i));
                }
            }
            if (!missing.isEmpty()) {
                List<float[]> rest = next.embedAll(missing);
                for (int j = 0; j < rest.size(); j++) {
                    out.set(missingAt.get(j), rest.get(j));
                }
            }
            return out;
        }
    }
}
