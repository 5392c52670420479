package org.civicassist.eval.baseline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.passage.Passage;

import java.util.ArrayList;
import java.util.List;

/**
 * Baseline: dense retrieval only, one bge-small-zh vector per passage in LangChain4j's InMemoryEmbeddingStore — the
 * plain RAG setup. Vectors come through the same (cached) embedding model the assistant uses.
 */
public final class DenseOnlyBaseline implements Respondent {

    private final List<Passage> passages;
    private final Embedder embedder;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final List<String> ids = new ArrayList<>();

    public DenseOnlyBaseline(List<Passage> passages, Embedder embedder) {
        this.passages = List.copyOf(passages);
        this.embedder = embedder;
        List<String> texts = passages.stream().map(Baselines::text).toList();
        List<float[]> vectors = embedder.embedAll(texts);
        for (int i = 0; i < passages.size(); i++) {
            ids.add(store.add(Embedding.from(vectors.get(i)), TextSegment.from(texts.get(i),
                    new dev.langchain4j.data.document.Metadata().put("ord", i))));
        }
    }

    @Override
    public String name() {
        return "dense_inmemory";
    }

    @Override
    public Conversation open() {
        return new Baselines.JoinedTurns(this::search);
    }

    private Outcome search(String query) {
        long start = System.nanoTime();
        Embedding q = Embedding.from(embedder.embed(query));
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(q).maxResults(50).build()).matches();
        List<Passage> ranked = new ArrayList<>();
        for (EmbeddingMatch<TextSegment> m : matches) {
            ranked.add(passages.get(m.embedded().metadata().getInteger("ord")));
        }
        return Baselines.answerWithFirst(ranked, System.nanoTime() - start);
    }
}
