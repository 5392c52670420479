package org.civicassist.kb.search;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.nlp.ChineseNlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real models, loaded once per test JVM (bge-small-zh takes seconds to load). Vectors are remembered in memory
 * across tests so that tests repeating the same texts do not spend CPU on them again; a {@code CachingEmbedder} in
 * front still counts every text it does not find on disk.
 */
final class TestModels {

    static final ChineseNlp NLP = ChineseNlp.bundled();
    static final Embedder EMBEDDER = new RememberingEmbedder(new BgeSmallZhEmbedder());

    private TestModels() {
    }

    private static final class RememberingEmbedder implements Embedder {
        private final Embedder model;
        private final Map<String, float[]> seen = new ConcurrentHashMap<>();

        RememberingEmbedder(Embedder model) {
            this.model = model;
        }

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
            return seen.computeIfAbsent(text, model::embed);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<String> missing = texts.stream().filter(t -> !seen.containsKey(t)).distinct().toList();
            List<float[]> fresh = model.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                seen.put(missing.get(i), fresh.get(i));
            }
            List<float[]> out = new ArrayList<>(texts.size());
            texts.forEach(t -> out.add(seen.get(t)));
            return out;
        }
    }
}
