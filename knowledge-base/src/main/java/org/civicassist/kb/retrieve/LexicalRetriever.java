package org.civicassist.kb.retrieve;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.civicassist.kb.index.KbIndex;
import org.civicassist.kb.index.QueryTerms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BM25 over the index's text fields, each field with its weight: a word in a FAQ question says more than the same
 * word in an answer. Every query word is optional (SHOULD); more matching words rank higher.
 */
public final class LexicalRetriever implements Retriever {

    private final KbIndex index;
    private final Map<String, Float> fieldWeights;

    public LexicalRetriever(KbIndex index, Map<String, Float> fieldWeights) {
        this.index = index;
        this.fieldWeights = Map.copyOf(fieldWeights);
    }

    @Override
    public List<ScoredPassage> retrieve(RetrievalQuery query, int k) {
        Query q = buildQuery(query.terms());
        if (q == null) {
            return List.of();
        }
        List<KbIndex.Hit> hits = index.search(q, k);
        List<ScoredPassage> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            KbIndex.Hit h = hits.get(i);
            out.add(new ScoredPassage(h.ord(), index.passage(h.ord()), h.score(), i));
        }
        return out;
    }

    /** Each field's terms (the first ones, up to a share of Lucene's clause limit), with the field's weight. */
    Query buildQuery(QueryTerms terms) {
        int perField = BooleanQuery.getMaxClauseCount() / 8;
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : fieldWeights.entrySet()) {
            int added = 0;
            for (String term : terms.of(field.getKey())) {
                if (added++ == perField) {
                    break;
                }
                builder.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue()),
                        BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return null;
        }
        return builder.build();
    }
}
