package org.civicassist.kb.search;

import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.rank.RankingModels;
import org.civicassist.nlp.intent.Aspect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request searched before is answered from the cache; one of another context or another snapshot is not. */
class AnswerCacheTest {

    static final String QUESTION = "社保卡丢了怎么补办";

    @TempDir
    Path kbDir;

    final CountingEmbedder embedder = new CountingEmbedder();

    KnowledgeSearchBuilder builder(AnswerCache cache) {
        return new KnowledgeSearchBuilder(TestModels.NLP, embedder, Optional.empty(), cache);
    }

    /** A search over the tiny KB; its index is built, so embedding calls are counted from here on. */
    KnowledgeSearch search(KnowledgeSearchBuilder builder) {
        TinyKb.write(kbDir);
        KnowledgeSearch search = builder.build(new org.civicassist.kb.load.KnowledgeBaseLoader()
                .load(KbSource.directory(kbDir), LoadMode.STRICT).knowledgeBase(), RankingModels.bundled());
        embedder.calls.set(0);
        return search;
    }

    @Test
    void should_answer_a_repeated_standalone_question_from_the_cache__without_embedding_it_again() {
        AnswerCache cache = AnswerCache.ofSize(100);
        KnowledgeSearch search = search(builder(cache));

        SearchResult first = search.search(SearchRequest.of(QUESTION));
        SearchResult again = search.search(SearchRequest.of(QUESTION));

        assertThat(first.top()).isPresent();
        assertThat(again).isSameAs(first);
        assertThat(embedder.calls).hasValue(1);
        assertThat(cache.stats().hitCount()).isEqualTo(1);
        assertThat(cache.stats().missCount()).isEqualTo(1);
    }

    @Test
    void should_serve_a_request_read_in_context_its_own_result_only__never_that_of_another_context() {
        AnswerCache cache = AnswerCache.ofSize(100);
        KnowledgeSearch search = search(builder(cache));
        SearchRequest withTopic = new SearchRequest(QUESTION, Optional.empty(), Optional.of("guide-shebao-card-reissue"),
                SearchRequest.DEFAULT_LIMIT);
        SearchRequest withExclusion = new SearchRequest(QUESTION, Optional.empty(), Optional.empty(),
                SearchRequest.DEFAULT_LIMIT, Set.of(), Set.of("faq-shebao-lost"));

        SearchResult topical = search.search(withTopic);
        SearchResult topicalAgain = search.search(withTopic);
        SearchResult excluded = search.search(withExclusion);
        SearchResult excludedAgain = search.search(withExclusion);
        SearchResult standalone = search.search(SearchRequest.of(QUESTION));

        // the same request in the same context is served what it was found; each context is searched for itself
        assertThat(topicalAgain).isSameAs(topical);
        assertThat(excludedAgain).isSameAs(excluded);
        assertThat(cache.stats().hitCount()).isEqualTo(2);
        assertThat(cache.stats().missCount()).isEqualTo(3);
        assertThat(excluded.candidates()).noneMatch(c -> c.passage().citationKey().equals("faq-shebao-lost"));
        assertThat(standalone.top().orElseThrow().passage().citationKey()).isEqualTo("faq-shebao-lost");
        assertThat(standalone.candidates()).allMatch(c -> c.features().get("in_topic") == 0);
        assertThat(topical.candidates()).allMatch(c -> c.features().get("in_topic") == 1);
        assertThat(embedder.calls).hasValue(1); // one text, retrieved once for the three contexts
    }

    @Test
    void should_embed_and_retrieve_a_text_once__however_often_and_in_whatever_context_it_is_read() {
        AnswerCache cache = AnswerCache.ofSize(100);
        KnowledgeSearch search = search(builder(cache));
        SearchRequest alone = SearchRequest.of(QUESTION);
        SearchRequest inContext = new SearchRequest(QUESTION, Optional.of(Aspect.MATERIALS),
                Optional.of("guide-shebao-card-reissue"), SearchRequest.DEFAULT_LIMIT, Set.of(),
                Set.of("faq-shebao-lost"));

        SearchResult first = search.search(alone);
        SearchResult read = search.search(inContext);
        search.search(inContext); // served its result: no retrieval asked for
        SearchResult other = search.search(SearchRequest.of("新生儿怎么上户口"));

        assertThat(embedder.calls).hasValue(2); // the two texts
        assertThat(cache.retrievalStats().hitCount()).isEqualTo(1);
        assertThat(cache.retrievalStats().missCount()).isEqualTo(2);
        assertThat(cache.retrievalCount()).isEqualTo(2);
        // ranked for its own context: the excluded item gone, the topic's items marked
        assertThat(read.candidates()).noneMatch(c -> c.passage().citationKey().equals("faq-shebao-lost"));
        assertThat(read.candidates()).anyMatch(c -> c.features().get("topic_match") == 1);
        assertThat(first.top().orElseThrow().passage().citationKey()).isEqualTo("faq-shebao-lost");
        assertThat(other.top().orElseThrow().passage().citationKey()).isNotEqualTo("faq-shebao-lost");
    }

    @Test
    void should_keep_apart_requests_that_differ_in_limit_aspect_or_places() {
        AnswerCache cache = AnswerCache.ofSize(100);
        KnowledgeSearch search = search(builder(cache));

        SearchResult ten = search.search(SearchRequest.of(QUESTION));
        SearchResult two = search.search(new SearchRequest(QUESTION, Optional.empty(), Optional.empty(), 2));
        search.search(new SearchRequest(QUESTION, Optional.of(Aspect.FEES), Optional.empty(), SearchRequest.DEFAULT_LIMIT));
        SearchResult elsewhere = search.search(new SearchRequest(QUESTION, Optional.empty(), Optional.empty(),
                SearchRequest.DEFAULT_LIMIT, Set.of("火星")));

        assertThat(cache.stats().hitCount()).isZero();
        assertThat(cache.size()).isEqualTo(4);
        assertThat(embedder.calls).hasValue(1); // one text, retrieved once
        assertThat(two.candidates()).hasSize(2);
        assertThat(ten.candidates().size()).isGreaterThan(2);
        assertThat(elsewhere.foreignPlace()).isTrue();
        assertThat(ten.foreignPlace()).isFalse();
    }

    @Test
    void should_not_serve_a_result_of_another_snapshot__even_with_the_same_content() {
        AnswerCache cache = AnswerCache.ofSize(100);
        KnowledgeSearchBuilder builder = builder(cache);
        KnowledgeSearch before = search(builder);
        before.search(SearchRequest.of(QUESTION));

        // a rebuild of the same content (its ranking model could differ): the same content key, another snapshot
        KnowledgeSearch after = search(builder);
        after.search(SearchRequest.of(QUESTION));

        assertThat(after.contentKey()).isEqualTo(before.contentKey());
        assertThat(embedder.calls).hasValue(1);
        assertThat(cache.stats().hitCount()).isZero();
    }

    @Test
    void should_clear_the_cache_and_serve_the_new_answer__after_a_reload() {
        AnswerCache cache = AnswerCache.ofSize(100);
        TinyKb.write(kbDir);
        KnowledgeBaseService service = new KnowledgeBaseService(KbSource.directory(kbDir), LoadMode.STRICT,
                builder(cache), Clock.systemUTC()).start();
        try {
            String question = "新生儿怎么上户口";
            service.get().search(SearchRequest.of(question));
            assertThat(cache.size()).isEqualTo(1);
            String newAnswer = "出生 30 日内可在江州办 App「出生一件事」在线办理户口登记。";
            TinyKb.writeFaqs(kbDir, TinyKb.with("faq-hukou-newborn", f -> TinyKb.withAnswer(f, newAnswer)));

            assertThat(service.reload().succeeded()).isTrue();

            assertThat(cache.size()).isZero();
            assertThat(cache.retrievalCount()).isZero();
            assertThat(service.get().search(SearchRequest.of(question)).top().orElseThrow().passage().text())
                    .isEqualTo(newAnswer);
            assertThat(cache.stats().hitCount()).isZero();
        } finally {
            service.close();
        }
    }

    @Test
    void should_cache_nothing__when_its_size_is_zero() {
        AnswerCache cache = AnswerCache.ofSize(0);
        KnowledgeSearch search = search(builder(cache));

        SearchResult first = search.search(SearchRequest.of(QUESTION));
        SearchResult again = search.search(SearchRequest.of(QUESTION));

        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(embedder.calls).hasValue(2);
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.caffeine()).isEmpty();
        assertThat(cache.retrievalCaffeine()).isEmpty();
        assertThatThrownBy(() -> AnswerCache.ofSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Character bigrams hashed into a unit vector: fast and deterministic; counts the texts it embeds. */
    static final class CountingEmbedder implements Embedder {

        static final int DIMENSION = 128;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String modelId() {
            return "test-counting-bigrams";
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            float[] v = new float[DIMENSION];
            int[] cps = text.codePoints().filter(Character::isLetterOrDigit).toArray();
            for (int i = 0; i < cps.length; i++) {
                String gram = i + 1 < cps.length ? new String(cps, i, 2) : new String(cps, i, 1);
                CRC32 crc = new CRC32();
                crc.update(gram.getBytes(StandardCharsets.UTF_8));
                v[(int) (crc.getValue() % DIMENSION)] += 1;
            }
            return Embedder.normalize(v);
        }
    }
}
