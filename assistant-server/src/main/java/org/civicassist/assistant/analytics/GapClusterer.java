package org.civicassist.assistant.analytics;

import org.civicassist.kb.embed.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Groups questions by meaning: each distinct text, most frequent first, joins the group whose centroid is most
 * similar (cosine of unit vectors from the KB's embedding model) if that similarity reaches the threshold, and
 * starts a new group otherwise. Single pass, so a few hundred questions cost one batch of embeddings.
 */
public final class GapClusterer {

    private final Embedder embedder;
    private final double similarity;

    public GapClusterer(Embedder embedder, double similarity) {
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in (0, 1]");
        }
        this.embedder = embedder;
        this.similarity = similarity;
    }

    /** A group: its members as indexes into the input, in input order. */
    public record Cluster(List<Integer> members) {
    }

    /**
     * @param texts distinct texts, most important first (the first member of a group represents it)
     * @return groups, in order of their first member
     */
    public List<Cluster> cluster(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = embedder.embedAll(texts);
        List<float[]> sums = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            int best = -1;
            double bestSimilarity = -1;
            for (int c = 0; c < sums.size(); c++) {
                double s = Embedder.dot(Embedder.normalize(sums.get(c)), v);
                if (s > bestSimilarity) {
                    best = c;
                    bestSimilarity = s;
                }
            }
            if (best >= 0 && bestSimilarity >= similarity) {
                float[] sum = sums.get(best);
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += v[k];
                }
                members.get(best).add(i);
            } else {
                sums.add(v.clone());
                members.add(new ArrayList<>(List.of(i)));
            }
        }
        return members.stream().map(Cluster::new).toList();
    }

    static <K> void count(Map<K, Long> counts, K key, long n) {
        counts.merge(key, n, Long::sum);
    }
}
