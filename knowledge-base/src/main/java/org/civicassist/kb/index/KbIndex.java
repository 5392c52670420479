package org.civicassist.kb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.civicassist.kb.index.IndexSchema.*;

/**
 * A searchable snapshot of one knowledge base: passages with BM25 text fields and, as separate documents, their
 * vectors in Lucene's HNSW graph. Immutable once opened; safe for concurrent searches.
 */
public final class KbIndex implements Closeable {

    /** A passage found by a search, with the score of that search. */
    public record Hit(int ord, float score) {
    }

    private final List<Passage> passages;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    /** Question-phrasing vectors of every passage, by ord: exact cosines for candidates the graph did not return. */
    private final float[][][] questionViews;
    /** The content vector of every passage, by ord. */
    private final float[][][] contentViews;
    /** The passage ord of every document (index-wide doc id), -1 for none: hits are mapped without doc values. */
    private final int[] ordOfDoc;

    private KbIndex(List<Passage> passages, Directory directory, Analyzer analyzer) throws IOException {
        this.passages = List.copyOf(passages);
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.analyzer = analyzer;
        this.questionViews = readViews(reader, passages.size(), VIEW_QUESTION);
        this.contentViews = readViews(reader, passages.size(), VIEW_CONTENT);
        this.ordOfDoc = ordsOfDocs(reader);
    }

    private static int[] ordsOfDocs(DirectoryReader reader) throws IOException {
        int[] out = new int[reader.maxDoc()];
        Arrays.fill(out, -1);
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
            if (ords == null) {
                continue;
            }
            for (int doc = ords.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ords.nextDoc()) {
                out[leaf.docBase + doc] = (int) ords.longValue();
            }
        }
        return out;
    }

    private static float[][][] readViews(DirectoryReader reader, int passageCount, long viewKind) throws IOException {
        List<List<float[]>> byOrd = new ArrayList<>(passageCount);
        for (int i = 0; i < passageCount; i++) {
            byOrd.add(new ArrayList<>(2));
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
            NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
            NumericDocValues kinds = leaf.reader().getNumericDocValues(VIEW);
            if (vectors == null || ords == null || kinds == null) {
                continue;
            }
            for (int doc = vectors.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = vectors.nextDoc()) {
                if (ords.advanceExact(doc) && kinds.advanceExact(doc) && kinds.longValue() == viewKind) {
                    int ord = (int) ords.longValue();
                    if (ord >= 0 && ord < passageCount) {
                        byOrd.get(ord).add(vectors.vectorValue().clone());
                    }
                }
            }
        }
        float[][][] out = new float[passageCount][][];
        for (int i = 0; i < passageCount; i++) {
            out[i] = byOrd.get(i).toArray(new float[0][]);
        }
        return out;
    }

    /** Cosine between the (unit) query vector and the passage's closest view of either kind. */
    public float cosine(int ord, float[] queryVector) {
        return Math.max(questionCosine(ord, queryVector), contentCosine(ord, queryVector));
    }

    /** Cosine with the closest question phrasing; -1 for a passage without any (a guide section). */
    public float questionCosine(int ord, float[] queryVector) {
        return best(questionViews[ord], queryVector);
    }

    /** Cosine with the passage's content (FAQ question + answer, or section chunk). */
    public float contentCosine(int ord, float[] queryVector) {
        return best(contentViews[ord], queryVector);
    }

    private static float best(float[][] views, float[] queryVector) {
        float best = -1;
        for (float[] v : views) {
            best = Math.max(best, Embedder.dot(v, queryVector));
        }
        return best;
    }

    /**
     * The analyzer for each field, by its {@link IndexSchema.Analysis}: words for word fields, character bigrams for
     * {@code *_bg} fields, SmartChineseAnalyzer for {@link IndexSchema#SMART}.
     */
    public static Analyzer fieldAnalyzer(Analyzer words, Analyzer bigrams) {
        Analyzer smart = new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();
        Map<String, Analyzer> perField = new HashMap<>();
        for (String f : TEXT_FIELDS) {
            switch (analysisOf(f)) {
                case BIGRAMS -> perField.put(f, bigrams);
                case SMART -> perField.put(f, smart);
                case WORDS -> { } // the default
            }
        }
        return new PerFieldAnalyzerWrapper(words, perField);
    }

    /** Every text a build of these passages embeds ({@link VectorViews}), in the order it embeds them. */
    public static List<String> embeddedTexts(List<Passage> passages) {
        List<String> texts = new ArrayList<>();
        for (Passage p : passages) {
            for (VectorViews.View view : VectorViews.of(p)) {
                texts.add(view.text());
            }
        }
        return texts;
    }

    /** Writes the passages and their vectors into {@code directory} (which must be empty) and opens it. */
    public static KbIndex build(List<Passage> passages, Analyzer fieldAnalyzer, Embedder embedder,
                                Directory directory) {
        try {
            List<String> texts = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            List<Boolean> questionViews = new ArrayList<>();
            for (int ord = 0; ord < passages.size(); ord++) {
                for (VectorViews.View view : VectorViews.of(passages.get(ord))) {
                    texts.add(view.text());
                    owners.add(ord);
                    questionViews.add(view.question());
                }
            }
            List<float[]> vectors = embedder.embedAll(texts);

            IndexWriterConfig config = new IndexWriterConfig(fieldAnalyzer)
                    .setSimilarity(new BM25Similarity())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int ord = 0; ord < passages.size(); ord++) {
                    writer.addDocument(withEveryTextField(passageDocument(ord, passages.get(ord))));
                }
                for (int i = 0; i < vectors.size(); i++) {
                    Document doc = new Document();
                    doc.add(new StringField(TYPE, TYPE_VECTOR, Field.Store.NO));
                    doc.add(new NumericDocValuesField(ORD, owners.get(i)));
                    doc.add(new NumericDocValuesField(VIEW, questionViews.get(i) ? VIEW_QUESTION : VIEW_CONTENT));
                    doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(withEveryTextField(doc));
                }
                writer.forceMerge(1);
                writer.commit();
            }
            return new KbIndex(passages, directory, fieldAnalyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build index", e);
        }
    }

    /** Opens an index built earlier from exactly these passages. */
    public static KbIndex open(List<Passage> passages, Analyzer fieldAnalyzer, Directory directory) {
        try {
            return new KbIndex(passages, directory, fieldAnalyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index", e);
        }
    }

    /**
     * The document with an empty value for each text field it lacks. Lucene keeps a field's length norms densely
     * (looked up by doc id) only when every document has the field, and sparsely (searched in a sparse set, a fifth of
     * a text search's time here) otherwise; an empty value adds a norm and no term, so scores are unchanged.
     */
    private static Document withEveryTextField(Document doc) {
        for (String field : TEXT_FIELDS) {
            if (doc.getField(field) == null) {
                doc.add(new TextField(field, "", Field.Store.NO));
            }
        }
        return doc;
    }

    private static Document passageDocument(int ord, Passage p) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_PASSAGE, Field.Store.NO));
        doc.add(new NumericDocValuesField(ORD, ord));
        doc.add(new TextField(TITLE, p.title(), Field.Store.NO));
        doc.add(new TextField(TITLE_BIGRAMS, p.title(), Field.Store.NO));
        if (p.kind() == PassageKind.FAQ) {
            for (String q : p.questions()) {
                doc.add(new TextField(QUESTION, q, Field.Store.NO));
                doc.add(new TextField(QUESTION_BIGRAMS, q, Field.Store.NO));
            }
        } else {
            doc.add(new TextField(HEADING, p.section(), Field.Store.NO));
        }
        doc.add(new TextField(BODY, p.text(), Field.Store.NO));
        doc.add(new TextField(BODY_BIGRAMS, p.text(), Field.Store.NO));
        StringBuilder all = new StringBuilder(p.title()).append('\n');
        if (p.section() != null) {
            all.append(p.section()).append('\n');
        }
        p.questions().forEach(q -> all.append(q).append('\n'));
        doc.add(new TextField(SMART, all.append(p.text()).toString(), Field.Store.NO));
        return doc;
    }

    public List<Passage> passages() {
        return passages;
    }

    public Passage passage(int ord) {
        return passages.get(ord);
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Top passages by a text query; each passage at most once. */
    public List<Hit> search(Query query, int k) {
        try {
            return toHits(searcher.search(query, k), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Passages nearest to the vector (cosine), each with its best view's similarity. Asks the graph for more
     * vectors than {@code k} because a FAQ has several.
     */
    public List<Hit> nearest(float[] vector, int k) {
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k * 3), k * 3);
            List<Hit> hits = toHits(top, true);
            return hits.size() > k ? hits.subList(0, k) : hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Hit> toHits(TopDocs top, boolean fromDotProductScore) {
        Map<Integer, Hit> best = new java.util.LinkedHashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            int ord = ordOfDoc[sd.doc];
            if (ord < 0) {
                continue;
            }
            // Lucene scores DOT_PRODUCT as (1 + cos) / 2; give callers the cosine
            float score = fromDotProductScore ? 2 * sd.score - 1 : sd.score;
            best.merge(ord, new Hit(ord, score), (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Hit> hits = new ArrayList<>(best.values());
        hits.sort((a, b) -> Float.compare(b.score(), a.score()));
        return hits;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
