package org.civicassist.kb.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.civicassist.kb.rank.RankingInput;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Search results, so that a repeated common question skips embedding, retrieval and ranking. A search depends on the
 * knowledge-base snapshot and on its request alone — the normalised text, aspect, limit and places, and for a question
 * read in a conversation's context its topic service and the items it excludes — so the key is the snapshot (its
 * content key and which build it is) and the whole request: a result is served only to a request equal to the one it
 * was searched for, and a question read in context never gets the result of the same text read alone or with another
 * topic. Stand-alone questions repeat most (a site's common questions); a common question asked after another service
 * repeats with that service as its topic.
 *
 * <p>One cache serves the successive snapshots a {@link KnowledgeSearchBuilder} builds; {@link KnowledgeBaseService}
 * clears it when it swaps a new snapshot in (entries of another snapshot could not be served anyway). Bounded by
 * entry count; Caffeine's admission keeps frequently asked requests when one-off ones (most readings in context)
 * would push them out. Hits and misses are recorded for metrics. Results are immutable, so one is safely shared by
 * every thread it is served to. Size 0 disables it. Thread-safe.
 *
 * <p>Below the results it keeps, as many again, the retrieval of each text searched (a {@link RankingInput} read
 * alone): the query's embedding and words and what each retriever found, which depend on the text and the snapshot
 * only. A request not searched before whose
 * text was (the same common question asked after a service it was not asked after yet, or a message read both as a
 * follow-up and alone in one turn) skips embedding and retrieval and is only ranked, with its own topic, aspect,
 * exclusions and places.
 */
public final class AnswerCache {

    /**
     * Entries kept by default. An entry holds the ranked candidates of one question (the assistant asks for 30:
     * about 9 KB with their features) and as many retrievals (about 15 KB: six lists of 40 passages, the terms and the
     * vector), so the default costs some 47 MB when full (measured on 781 dev and common questions).
     */
    public static final int DEFAULT_SIZE = 2_000;

    private static final AnswerCache DISABLED = new AnswerCache(0);

    private record Key(String snapshot, SearchRequest request) {
    }

    private record TextKey(String snapshot, String text) {
    }

    private final Cache<Key, SearchResult> cache; // null when disabled
    private final Cache<TextKey, RankingInput> retrievals; // null when disabled

    private AnswerCache(long maximumSize) {
        this.cache = maximumSize == 0 ? null : bounded(maximumSize);
        this.retrievals = maximumSize == 0 ? null : bounded(maximumSize);
    }

    private static <K, V> Cache<K, V> bounded(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    /** A cache of at most {@code maximumSize} results; 0 disables caching. */
    public static AnswerCache ofSize(long maximumSize) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("answer cache size must not be negative: " + maximumSize);
        }
        return maximumSize == 0 ? DISABLED : new AnswerCache(maximumSize);
    }

    /** Caches nothing: every search is done afresh. */
    public static AnswerCache disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return cache != null;
    }

    /**
     * The cached result of this request on this snapshot, or {@code search}'s, which is then kept. Two threads missing
     * the same key at once may both search (the results are equal); nothing waits on another's search. A search that
     * throws caches nothing. A blank text is searched as it is.
     */
    SearchResult get(String snapshot, SearchRequest request, Function<SearchRequest, SearchResult> search) {
        if (cache == null || request.text().isBlank()) {
            return search.apply(request);
        }
        return keptOrMade(cache, new Key(snapshot, request), () -> search.apply(request));
    }

    /**
     * The retrieval of {@code text} on this snapshot, kept from an earlier search of the same text or made by
     * {@code retrieve} and kept; as {@link #get}, concurrent misses may both retrieve and nothing waits.
     */
    RankingInput retrieval(String snapshot, String text, Function<String, RankingInput> retrieve) {
        if (retrievals == null) {
            return retrieve.apply(text);
        }
        return keptOrMade(retrievals, new TextKey(snapshot, text), () -> retrieve.apply(text));
    }

    /**
     * Not {@code Cache.get(key, loader)}: that blocks other threads asking for the same key while one computes, and a
     * search must never wait on another citizen's.
     */
    private static <K, V> V keptOrMade(Cache<K, V> in, K key, Supplier<V> make) {
        V kept = in.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        V made = make.get();
        in.put(key, made);
        return made;
    }

    /** Drops every entry, results and retrievals (a new snapshot is served); the hit and miss counts go on. */
    public void clear() {
        if (cache != null) {
            cache.invalidateAll();
            retrievals.invalidateAll();
        }
    }

    /** Approximate number of entries. */
    public long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** Hits, misses and evictions since the cache was made (all zero when disabled). */
    public CacheStats stats() {
        return cache == null ? CacheStats.empty() : cache.stats();
    }

    /** Hits and misses of the retrievals kept by text (all zero when disabled). */
    public CacheStats retrievalStats() {
        return retrievals == null ? CacheStats.empty() : retrievals.stats();
    }

    /** Approximate number of texts whose retrieval is kept. */
    public long retrievalCount() {
        return retrievals == null ? 0 : retrievals.estimatedSize();
    }

    /** The underlying Caffeine cache, for binding its statistics to a metrics registry; empty when disabled. */
    public Optional<Cache<?, ?>> caffeine() {
        return Optional.ofNullable(cache);
    }

    /** The Caffeine cache of retrievals, for metrics; empty when disabled. */
    public Optional<Cache<?, ?>> retrievalCaffeine() {
        return Optional.ofNullable(retrievals);
    }
}
