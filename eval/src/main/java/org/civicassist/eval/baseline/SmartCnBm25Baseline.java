package org.civicassist.eval.baseline;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import org.civicassist.kb.index.AnalyzedTerms;
import org.civicassist.kb.passage.Passage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Baseline: Lucene BM25 over one text field per passage, analysed by Lucene's SmartChineseAnalyzer. */
public final class SmartCnBm25Baseline implements Respondent {

    private static final String TEXT = "text";
    private static final String ORD = "ord";

    private final List<Passage> passages;
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public SmartCnBm25Baseline(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < passages.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StoredField(ORD, i));
                    doc.add(new TextField(TEXT, Baselines.text(passages.get(i)), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "bm25_smartcn";
    }

    @Override
    public Conversation open() {
        return new Baselines.JoinedTurns(this::search);
    }

    private Outcome search(String query) {
        long start = System.nanoTime();
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String term : terms(query)) {
                q.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
            }
            List<Passage> ranked = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q.build(), 50).scoreDocs) {
                int ord = searcher.storedFields().document(sd.doc).getField(ORD).numericValue().intValue();
                ranked.add(passages.get(ord));
            }
            return Baselines.answerWithFirst(ranked, System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> terms(String text) {
        return AnalyzedTerms.of(analyzer, TEXT, text, MAX_QUERY_TERMS);
    }

    /** Lucene's default clause limit is far above this; a question has a few dozen terms at most. */
    private static final int MAX_QUERY_TERMS = 512;

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
