package org.civicassist.kb.rank;

import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.embed.QueryAdapter;
import org.civicassist.kb.index.VectorViews;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Fits a {@link QueryAdapter} on the knowledge base's own paraphrase pairs, with no citizen's question: each phrasing
 * of a FAQ should find its FAQ's other vectors (its other phrasings, its question and answer), and a section's
 * service title with its heading (结婚登记 申请材料, the way short questions are asked) should find that section.
 * The loss is contrastive (InfoNCE over every vector of the KB, so every other item is a negative), minimised with
 * Adam. A tenth of the pairs is held out; the epoch that finds their item first most often is kept, so the adapter
 * is only as far from the identity as helps pairs it did not learn from. Plain Java, deterministic for a seed.
 */
public final class QueryAdapterTrainer {

    /**
     * @param rank         rank of the correction (its parameters: 2 × dimension × rank)
     * @param temperature  of the softmax over cosines
     * @param learningRate of Adam
     * @param l2           penalty on both factors, keeping the map near the identity
     * @param epochs       at most this many passes over the pairs
     * @param batch        pairs per gradient step
     */
    public record Settings(int rank, double temperature, double learningRate, double l2, int epochs, int batch,
                           long seed) {
        public static Settings defaults() {
            return new Settings(32, 0.05, 1e-3, 1e-4, 12, 16, 42);
        }
    }

    /** A vector of the index (a view of a passage) and the item it stands for. */
    public record Target(float[] vector, String item) {
    }

    /**
     * A question-like text of the KB, embedded: the items it should find, and the target that is its own text (not
     * a fair find; -1 when it has none).
     */
    public record Anchor(String text, float[] vector, Set<String> items, int ownTarget) {
    }

    /** What the training learns from: every vector of the KB by item (citation key), and the pairs. */
    public record Data(List<Target> targets, List<Anchor> anchors) {
    }

    /** The fitted adapter and how often held-out pairs found their item first, before and after. */
    public record Result(QueryAdapter adapter, double heldOutRecallBefore, double heldOutRecallAfter, int epochs,
                         int pairs) {
    }

    private QueryAdapterTrainer() {
    }

    /** Every vector of the KB as the index holds them (each view of each passage), with its item. */
    public static List<Target> targets(List<Passage> passages, Embedder embedder) {
        List<String> texts = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (Passage p : passages) {
            for (VectorViews.View view : VectorViews.of(p)) {
                texts.add(view.text());
                items.add(p.citationKey());
            }
        }
        List<float[]> vectors = embedder.embedAll(texts);
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            targets.add(new Target(vectors.get(i), items.get(i)));
        }
        return targets;
    }

    /** The KB's vectors (as the index holds them) and its paraphrase pairs, embedded with {@code embedder}. */
    public static Data data(List<Passage> passages, Embedder embedder) {
        List<Target> targets = targets(passages, embedder);
        List<String> anchorTexts = new ArrayList<>();
        List<String> anchorItems = new ArrayList<>();
        List<Integer> anchorOwn = new ArrayList<>();
        Map<String, String> sectionQueries = new LinkedHashMap<>();
        int target = 0;
        for (Passage p : passages) {
            for (VectorViews.View view : VectorViews.of(p)) {
                if (view.question()) {
                    anchorTexts.add(view.text());
                    anchorItems.add(p.citationKey());
                    anchorOwn.add(target);
                }
                target++;
            }
            if (p.kind() == PassageKind.SECTION) {
                // one pair per section, however many chunks it was cut into
                sectionQueries.putIfAbsent(p.citationKey(), p.title() + " " + p.section());
            }
        }
        sectionQueries.forEach((item, text) -> {
            anchorTexts.add(text);
            anchorItems.add(item);
            anchorOwn.add(-1);
        });
        List<float[]> anchorVectors = embedder.embedAll(anchorTexts);
        List<Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < anchorTexts.size(); i++) {
            anchors.add(new Anchor(anchorTexts.get(i), anchorVectors.get(i), Set.of(anchorItems.get(i)),
                    anchorOwn.get(i)));
        }
        return new Data(targets, anchors);
    }

    public static Result train(Data data, Settings s) {
        int d = data.targets().get(0).vector().length;
        int r = s.rank();
        float[][] t = data.targets().stream().map(Target::vector).toArray(float[][]::new);
        List<Anchor> train = new ArrayList<>();
        List<Anchor> heldOut = new ArrayList<>();
        for (int i = 0; i < data.anchors().size(); i++) {
            (i % 10 == 9 ? heldOut : train).add(data.anchors().get(i));
        }
        Random random = new Random(s.seed());
        float[] u = new float[d * r];
        float[] v = new float[d * r];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() / Math.sqrt(r)); // Vᵀq of a unit q has about unit length
        }
        Adam adamU = new Adam(u.length, s.learningRate());
        Adam adamV = new Adam(v.length, s.learningRate());
        QueryAdapter identity = new QueryAdapter(d, r, new float[d * r], v);
        double before = recallAt1(identity, heldOut, t, data.targets());
        QueryAdapter best = identity;
        double bestRecall = before;
        int bestEpoch = 0;
        List<Integer> order = new ArrayList<>(IntStream.range(0, train.size()).boxed().toList());
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            for (int from = 0; from < order.size(); from += s.batch()) {
                List<Anchor> batch = order.subList(from, Math.min(order.size(), from + s.batch())).stream()
                        .map(train::get).toList();
                // gradients in parallel, summed in order: the same floats on any number of cores
                List<float[][]> each = batch.parallelStream()
                        .map(a -> gradient(a, u, v, d, r, t, data.targets(), s.temperature())).toList();
                float[][] grads = each.get(0);
                for (int b = 1; b < each.size(); b++) {
                    sum(grads, each.get(b));
                }
                float scale = 1f / batch.size();
                for (int i = 0; i < u.length; i++) {
                    grads[0][i] = grads[0][i] * scale + (float) (s.l2() * u[i]);
                    grads[1][i] = grads[1][i] * scale + (float) (s.l2() * v[i]);
                }
                adamU.step(u, grads[0]);
                adamV.step(v, grads[1]);
            }
            QueryAdapter current = new QueryAdapter(d, r, u, v);
            double recall = recallAt1(current, heldOut, t, data.targets());
            if (recall > bestRecall) {
                best = current;
                bestRecall = recall;
                bestEpoch = epoch;
            }
        }
        return new Result(best, before, bestRecall, bestEpoch, data.anchors().size());
    }

    /** Share of the anchors whose nearest vector (their own text left out) belongs to one of their items. */
    public static double recallAt1(QueryAdapter adapter, List<Anchor> anchors, float[][] t, List<Target> targets) {
        if (anchors.isEmpty()) {
            return 0;
        }
        long found = anchors.parallelStream().filter(a -> {
            float[] q = adapter.apply(a.vector());
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < t.length; j++) {
                if (j == a.ownTarget()) {
                    continue;
                }
                float score = Embedder.dot(q, t[j]);
                if (score > bestScore) {
                    bestScore = score;
                    best = j;
                }
            }
            return best >= 0 && a.items().contains(targets.get(best).item());
        }).count();
        return found / (double) anchors.size();
    }

    /** Gradients of one anchor's loss with respect to U and V. */
    private static float[][] gradient(Anchor a, float[] u, float[] v, int d, int r, float[][] t,
                                      List<Target> targets, double temperature) {
        float[] q = a.vector();
        double[] h = new double[r];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < r; k++) {
                h[k] += v[i * r + k] * q[i];
            }
        }
        double[] z = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            double s = q[i];
            for (int k = 0; k < r; k++) {
                s += u[i * r + k] * h[k];
            }
            z[i] = s;
            norm += s * s;
        }
        norm = Math.sqrt(norm);
        double[] zh = new double[d];
        for (int i = 0; i < d; i++) {
            zh[i] = z[i] / norm;
        }
        // softmax over every target but the anchor's own text
        double[] logits = new double[t.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < t.length; j++) {
            if (j == a.ownTarget()) {
                logits[j] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double s = 0;
            float[] tj = t[j];
            for (int i = 0; i < d; i++) {
                s += zh[i] * tj[i];
            }
            logits[j] = s / temperature;
            max = Math.max(max, logits[j]);
        }
        double total = 0;
        double positive = 0;
        double[] p = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            p[j] = Math.exp(logits[j] - max);
            total += p[j];
            if (a.items().contains(targets.get(j).item())) {
                positive += p[j];
            }
        }
        // d loss / d logit_j = p_j - p_j·[j positive] / P(positive): -log of the positives' share
        double[] gzh = new double[d];
        for (int j = 0; j < t.length; j++) {
            if (p[j] == 0) {
                continue;
            }
            double g = p[j] / total - (a.items().contains(targets.get(j).item()) ? p[j] / positive : 0);
            if (g == 0) {
                continue;
            }
            g /= temperature;
            float[] tj = t[j];
            for (int i = 0; i < d; i++) {
                gzh[i] += g * tj[i];
            }
        }
        // through the normalisation: (g - (g·ẑ)ẑ) / |z|
        double dot = 0;
        for (int i = 0; i < d; i++) {
            dot += gzh[i] * zh[i];
        }
        double[] gz = new double[d];
        for (int i = 0; i < d; i++) {
            gz[i] = (gzh[i] - dot * zh[i]) / norm;
        }
        // z = q + U h, h = Vᵀ q
        float[] gu = new float[d * r];
        double[] uTg = new double[r];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < r; k++) {
                gu[i * r + k] = (float) (gz[i] * h[k]);
                uTg[k] += u[i * r + k] * gz[i];
            }
        }
        float[] gv = new float[d * r];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < r; k++) {
                gv[i * r + k] = (float) (q[i] * uTg[k]);
            }
        }
        return new float[][]{gu, gv};
    }

    private static void sum(float[][] a, float[][] b) {
        for (int m = 0; m < a.length; m++) {
            for (int i = 0; i < a[m].length; i++) {
                a[m][i] += b[m][i];
            }
        }
    }

    /** Adam (Kingma and Ba) with the usual β₁ 0.9, β₂ 0.999. */
    private static final class Adam {
        private final float[] m;
        private final float[] s;
        private final double rate;
        private int step;

        Adam(int size, double rate) {
            this.m = new float[size];
            this.s = new float[size];
            this.rate = rate;
        }

        void step(float[] x, float[] g) {
            step++;
            double c1 = 1 - Math.pow(0.9, step);
            double c2 = 1 - Math.pow(0.999, step);
            for (int i = 0; i < x.length; i++) {
                m[i] = 0.9f * m[i] + 0.1f * g[i];
                s[i] = 0.999f * s[i] + 0.001f * g[i] * g[i];
                x[i] -= (float) (rate * (m[i] / c1) / (Math.sqrt(s[i] / c2) + 1e-8));
            }
        }
    }
}
