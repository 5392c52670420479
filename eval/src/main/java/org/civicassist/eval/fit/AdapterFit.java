package org.civicassist.eval.fit;

import org.civicassist.eval.question.Question;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.embed.QueryAdapter;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.rank.QueryAdapterTrainer;
import org.civicassist.nlp.TextUnderstander;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fits the query adapter on a KB's own paraphrases ({@link QueryAdapterTrainer}) and measures what it does to dense
 * retrieval alone on labelled questions: the passage whose vector is nearest the question, before and after. The
 * questions play no part in the fit, so their figures are out of sample.
 */
public final class AdapterFit {

    /** Dense Recall@1 of single questions with an expected item, without and with the adapter. */
    public record DenseRecall(int questions, double before, double after) {
    }

    private AdapterFit() {
    }

    public static QueryAdapterTrainer.Result fit(List<Passage> passages, Embedder embedder,
                                                 QueryAdapterTrainer.Settings settings) {
        return QueryAdapterTrainer.train(QueryAdapterTrainer.data(passages, embedder), settings);
    }

    /**
     * The share of the single answerable questions whose nearest vector (over every view of every passage, as the
     * dense retriever searches) belongs to an expected item, with the question embedded as the assistant searches it
     * (its understood retrieval text).
     */
    public static DenseRecall denseRecall(List<Question> questions, List<Passage> passages, Embedder embedder,
                                          TextUnderstander understander, QueryAdapter adapter) {
        List<QueryAdapterTrainer.Target> targets = QueryAdapterTrainer.targets(passages, embedder);
        Map<String, Passage> byKey = new HashMap<>();
        passages.forEach(p -> byKey.putIfAbsent(p.citationKey(), p));
        int n = 0;
        int before = 0;
        int after = 0;
        for (Question q : questions) {
            if (q.multiTurn() || q.expect().isEmpty()) {
                continue;
            }
            n++;
            float[] v = embedder.embed(understander.understand(q.lastTurn()).retrievalText());
            before += found(q, nearest(v, targets), byKey) ? 1 : 0;
            after += found(q, nearest(adapter.apply(v), targets), byKey) ? 1 : 0;
        }
        return new DenseRecall(n, n == 0 ? 0 : before / (double) n, n == 0 ? 0 : after / (double) n);
    }

    private static String nearest(float[] q, List<QueryAdapterTrainer.Target> targets) {
        String best = null;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (QueryAdapterTrainer.Target t : targets) {
            float s = Embedder.dot(q, t.vector());
            if (s > bestScore) {
                bestScore = s;
                best = t.item();
            }
        }
        return best;
    }

    private static boolean found(Question q, String citationKey, Map<String, Passage> byKey) {
        Passage p = Optional.ofNullable(citationKey).map(byKey::get).orElse(null);
        return p != null && Question.matches(q.expect(), p.itemId(), p.section());
    }
}
