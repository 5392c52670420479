package org.civicassist.kb.retrieve;

import org.civicassist.kb.index.KbIndex;

import java.util.ArrayList;
import java.util.List;

/** Nearest passages by the cosine of bge-small-zh embeddings, through the index's HNSW graph. */
public final class DenseRetriever implements Retriever {

    private final KbIndex index;

    public DenseRetriever(KbIndex index) {
        this.index = index;
    }

    @Override
    public List<ScoredPassage> retrieve(RetrievalQuery query, int k) {
        List<KbIndex.Hit> hits = index.nearest(query.vector(), k);
        List<ScoredPassage> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            KbIndex.Hit h = hits.get(i);
            out.add(new ScoredPassage(h.ord(), index.passage(h.ord()), h.score(), i));
        }
        return out;
    }
}
