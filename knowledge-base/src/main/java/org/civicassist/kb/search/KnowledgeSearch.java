package org.civicassist.kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.index.AnalyzedTerms;
import org.civicassist.kb.index.KbIndex;
import org.civicassist.kb.index.IndexSchema;
import org.civicassist.kb.index.QueryTerms;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.ConfidenceInputs;
import org.civicassist.kb.rank.Features;
import org.civicassist.kb.rank.PassageStatistics;
import org.civicassist.kb.rank.Ranker;
import org.civicassist.kb.rank.RankingInput;
import org.civicassist.kb.rank.RankingModels;
import org.civicassist.kb.retrieve.DenseRetriever;
import org.civicassist.kb.retrieve.LexicalRetriever;
import org.civicassist.kb.retrieve.RetrievalQuery;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One knowledge base, indexed and ready to answer: retrieve (BM25 and dense, in parallel lists) → rank (learned
 * re-ranker) → calibrated confidence. Immutable; a reload builds a new one. Thread-safe. The result of a request
 * searched before may be served from an {@link AnswerCache}, and the retrieval of a text already retrieved (which does
 * not depend on the conversation) from the same cache, so that a new reading of a known text only ranks again.
 */
public final class KnowledgeSearch implements Closeable {

    /** How many passages each retriever contributes to the ranker. */
    static final int RETRIEVE_DEPTH = 40;

    /** Weights of the BM25 fields: question phrasings count most, answers and section bodies least. */
    static final Map<String, Float> ALL_FIELDS = Map.of(
            IndexSchema.QUESTION, 3.0f,
            IndexSchema.QUESTION_BIGRAMS, 1.5f,
            IndexSchema.TITLE, 1.5f,
            IndexSchema.TITLE_BIGRAMS, 0.75f,
            IndexSchema.HEADING, 1.0f,
            IndexSchema.BODY, 1.0f,
            IndexSchema.BODY_BIGRAMS, 0.5f);
    /** What a question is asked as: phrasings, service titles, section headings. */
    static final Map<String, Float> QUESTION_FIELDS = Map.of(
            IndexSchema.QUESTION, 2.0f,
            IndexSchema.QUESTION_BIGRAMS, 1.0f,
            IndexSchema.TITLE, 1.0f,
            IndexSchema.TITLE_BIGRAMS, 0.5f,
            IndexSchema.HEADING, 1.0f);
    /** Character bigrams of every field, independent of segmentation. */
    static final Map<String, Float> BIGRAM_FIELDS = Map.of(
            IndexSchema.QUESTION_BIGRAMS, 1.0f,
            IndexSchema.TITLE_BIGRAMS, 1.0f,
            IndexSchema.BODY_BIGRAMS, 1.0f);
    /** Every text of a passage under the second (statistical) segmentation. */
    static final Map<String, Float> SMART_FIELDS = Map.of(IndexSchema.SMART, 1.0f);
    /** What a passage says: answers and section text. */
    static final Map<String, Float> CONTENT_FIELDS = Map.of(
            IndexSchema.BODY, 1.0f,
            IndexSchema.BODY_BIGRAMS, 0.5f);

    private final KnowledgeBase knowledgeBase;
    private final KbIndex index;
    private final Embedder queryEmbedder;
    private final Analyzer wordAnalyzer;
    private final Ranker ranker;
    private final RankingModels models;
    private final LexicalRetriever lexical;
    private final LexicalRetriever lexicalQuestions;
    private final LexicalRetriever lexicalContent;
    private final LexicalRetriever lexicalBigrams;
    private final LexicalRetriever lexicalSmart;
    private final DenseRetriever dense;
    private final String contentKey;
    private final PassageStatistics statistics;
    private final AnswerCache answers;
    /**
     * One passage of each guide, in the order guides first appear: its first section, else its first FAQ — a service as
     * {@link #byTitle} judges it.
     */
    private final List<Integer> oneOrdPerGuide;
    /**
     * Names this snapshot in the answer cache: the content key and which build it is, since ranking models can change
     * while the content (and its key) does not.
     */
    private final String snapshot;

    private static final AtomicLong BUILDS = new AtomicLong();

    KnowledgeSearch(KnowledgeBase knowledgeBase, KbIndex index, Embedder queryEmbedder, Analyzer wordAnalyzer,
                    Ranker ranker, RankingModels models, String contentKey, PassageStatistics statistics,
                    AnswerCache answers) {
        this.knowledgeBase = knowledgeBase;
        this.index = index;
        this.queryEmbedder = queryEmbedder;
        this.wordAnalyzer = wordAnalyzer;
        this.ranker = ranker;
        this.models = models;
        this.lexical = new LexicalRetriever(index, ALL_FIELDS);
        this.lexicalQuestions = new LexicalRetriever(index, QUESTION_FIELDS);
        this.lexicalContent = new LexicalRetriever(index, CONTENT_FIELDS);
        this.lexicalBigrams = new LexicalRetriever(index, BIGRAM_FIELDS);
        this.lexicalSmart = new LexicalRetriever(index, SMART_FIELDS);
        this.dense = new DenseRetriever(index);
        this.contentKey = contentKey;
        this.statistics = statistics;
        this.answers = answers;
        // a guide stands for its service by its first section (the overview, where it has one), else by a FAQ of it
        Map<String, Integer> firstOrd = new LinkedHashMap<>();
        for (int ord = 0; ord < index.passages().size(); ord++) {
            Passage p = index.passage(ord);
            if (p.guideId() != null) {
                Integer seen = firstOrd.get(p.guideId());
                if (seen == null || (p.kind() == PassageKind.SECTION
                        && index.passage(seen).kind() != PassageKind.SECTION)) {
                    firstOrd.put(p.guideId(), ord);
                }
            }
        }
        this.oneOrdPerGuide = List.copyOf(firstOrd.values());
        this.snapshot = contentKey + "#" + BUILDS.incrementAndGet();
    }

    /** Ranked candidates for the request; a request searched before may be answered from the answer cache. */
    public SearchResult search(SearchRequest request) {
        return search(List.of(request)).get(0);
    }

    /**
     * The results of several readings of one message (with its conversation's context, and alone), in order: each
     * text among them is embedded and analysed once, whether or not the answer cache keeps retrievals.
     */
    public List<SearchResult> search(List<SearchRequest> readings) {
        Map<String, RetrievalQuery> queries = new HashMap<>();
        Function<String, RetrievalQuery> query = text -> queries.computeIfAbsent(text, this::query);
        return readings.stream()
                .map(r -> answers.get(snapshot, r, request -> retrieveAndRank(request, query)))
                .toList();
    }

    private SearchResult retrieveAndRank(SearchRequest request, Function<String, RetrievalQuery> query) {
        if (request.text().isBlank()) {
            return SearchResult.empty();
        }
        RankingInput found = answers.retrieval(snapshot, request.text(), text -> retrieve(query.apply(text)));
        // the ranker needs only the message's vector and words, not what the retrievers would find for it; reading
        // the message alone as well (a follow-up read both ways) embeds it no second time
        RankingInput read = request.message()
                .map(query)
                .map(m -> found.readWith(request.aspect(), request.topicServiceId(), m))
                .orElseGet(() -> found.readWith(request.aspect(), request.topicServiceId()));
        List<Candidate> ranked = ranker.rank(read);
        if (!request.excluded().isEmpty()) {
            ranked = ranked.stream().filter(c -> !request.excluded().contains(c.passage().citationKey())).toList();
        }
        if (ranked.isEmpty()) {
            return SearchResult.empty();
        }
        boolean foreignPlace = request.places().stream().anyMatch(p -> !knows(p));
        boolean otherPlaceAsked = request.askedPlaces().stream().anyMatch(p -> !knows(p));
        double confidence = models.calibrator().probability(ConfidenceInputs.of(ranked, foreignPlace));
        List<Candidate> top = ranked.size() > request.limit() ? ranked.subList(0, request.limit()) : ranked;
        return new SearchResult(top, confidence, foreignPlace, otherPlaceAsked);
    }

    /** Embeds and analyses the text: what every retriever, and the ranker for a follow-up's message, starts from. */
    private RetrievalQuery query(String text) {
        return new RetrievalQuery(text, QueryTerms.of(index.analyzer(), text),
                models.queryVector(queryEmbedder.embed(text)));
    }

    /**
     * Runs every retriever on the query: the ranker's input for the text read alone (no aspect, no topic;
     * {@link RankingInput#readWith} gives each reading its own).
     */
    private RankingInput retrieve(RetrievalQuery query) {
        String text = query.text();
        return new RankingInput(text, query.vector(), query.terms().words(), lexical.retrieve(query, RETRIEVE_DEPTH),
                lexicalQuestions.retrieve(query, RETRIEVE_DEPTH), lexicalContent.retrieve(query, RETRIEVE_DEPTH),
                lexicalBigrams.retrieve(query, RETRIEVE_DEPTH), lexicalSmart.retrieve(query, RETRIEVE_DEPTH),
                dense.retrieve(query, RETRIEVE_DEPTH), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The KB's services judged by their titles alone: one passage of each guide, scored 0, with how much of the text
     * its service's title covers ({@code title_cov}, a word counting as covered when a title word holds it:
     * {@link PassageStatistics#titleContainment}; the ranker's own {@code title_cov} counts whole words) and the text's
     * share of words the KB never uses ({@code unknown_share}). No embedding and no retrieval: telling whether a message
     * is a service's name costs microseconds, not a search.
     */
    public List<Candidate> byTitle(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        Set<String> words = QueryTerms.of(index.analyzer(), text).words();
        double unknownShare = statistics.unknownShare(words);
        List<Candidate> out = new ArrayList<>(oneOrdPerGuide.size());
        for (int ord : oneOrdPerGuide) {
            Features f = new Features().set("title_cov", statistics.titleContainment(ord, words))
                    .set("unknown_share", unknownShare);
            out.add(new Candidate(index.passage(ord), f, 0));
        }
        return out;
    }

    /**
     * The candidate for a citation key ({@code faq-id} or {@code guide-id#heading}), as if ranked first with full
     * confidence: used when the citizen picks one of the offered options.
     */
    public Optional<Candidate> candidate(String citationKey) {
        return index.passages().stream()
                .filter(p -> p.citationKey().equals(citationKey))
                .findFirst()
                .map(p -> new Candidate(p, new Features(), Double.POSITIVE_INFINITY));
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** The models this search ranks and calibrates with, and their thresholds. */
    public RankingModels rankingModels() {
        return models;
    }

    public int passageCount() {
        return index.passages().size();
    }

    /** Hash of everything the index was built from: equal keys mean an identical index. */
    public String contentKey() {
        return contentKey;
    }

    /** Whether the KB mentions the word anywhere (as analysed for the index). */
    private boolean knows(String word) {
        Set<String> analysed = words(word);
        return !analysed.isEmpty() && analysed.stream().allMatch(statistics::knows);
    }

    private Set<String> words(String text) {
        return AnalyzedTerms.of(wordAnalyzer, IndexSchema.BODY, text);
    }

    @Override
    public void close() {
        index.close();
    }
}
