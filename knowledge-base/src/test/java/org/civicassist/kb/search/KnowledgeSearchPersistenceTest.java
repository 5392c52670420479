package org.civicassist.kb.search;

import org.civicassist.kb.embed.CachingEmbedder;
import org.civicassist.kb.index.VectorViews;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.passage.Chunker;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageBuilder;
import org.civicassist.kb.rank.RankingModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the store keeps between runs: vectors by text, and the index by content. A restart embeds nothing, an edit
 * embeds only what it changed, and a vectors file torn by a crash is repaired.
 */
class KnowledgeSearchPersistenceTest {

    /** Bytes of one record of the vectors file: a SHA-256 key and 512 floats. */
    static final long RECORD = 32 + 4L * 512;

    @TempDir
    Path kbDir;
    @TempDir
    Path store;

    @Test
    void should_embed_nothing__when_the_same_kb_is_built_again_over_the_same_store() throws IOException {
        KnowledgeBase kb = load(TinyKb.write(kbDir));
        KnowledgeSearchBuilder first = newBuilder();
        String firstKey;
        try (KnowledgeSearch search = build(first, kb)) {
            firstKey = search.contentKey();
        }
        KnowledgeSearchBuilder builder = newBuilder();

        // when: a restart (fresh builder) over the stored index
        try (KnowledgeSearch again = build(builder, kb)) {
            assertThat(again.contentKey()).isEqualTo(firstKey);
        }
        // and when the index is gone but the vectors are kept
        deleteTree(store.resolve("index"));
        KnowledgeSearchBuilder rebuilt = newBuilder();
        try (KnowledgeSearch fromVectors = build(rebuilt, kb)) {
            assertThat(fromVectors.search(SearchRequest.of("新生儿怎么上户口")).top().orElseThrow()
                    .passage().citationKey()).isEqualTo("faq-hukou-newborn");
        }

        // then
        assertThat(cache(first).computedCount()).isEqualTo(viewCount(kb));
        assertThat(cache(builder).size()).isEqualTo((int) viewCount(kb));
        assertThat(cache(builder).computedCount()).isZero();
        assertThat(cache(rebuilt).computedCount()).isZero();
    }

    @Test
    void should_embed_only_the_texts_of_the_edited_faq() {
        TinyKb.write(kbDir);
        try (KnowledgeSearch ignored = build(newBuilder(), load(kbDir))) {
            // first build fills the store
        }
        Faq rephrased = new Faq("faq-driver-renew", "交通", "驾照到期后如何换领新证？", List.of("驾照期满换证", "驾驶证过期了能换吗"),
                "有效期满前 90 日内换证；过期不满一年仍可换证。", null);
        TinyKb.writeFaqs(kbDir, TinyKb.with("faq-driver-renew", f -> rephrased));
        KnowledgeBase edited = load(kbDir);

        // when: the question, its similar phrasings and the answer all changed
        KnowledgeSearchBuilder builder = newBuilder();
        try (KnowledgeSearch search = build(builder, edited)) {
            assertThat(search.knowledgeBase().faq("faq-driver-renew")).contains(rephrased);
        }

        // then: each phrasing, plus one question-and-answer view
        assertThat(cache(builder).computedCount()).isEqualTo(viewsOf(edited, "faq-driver-renew")).isEqualTo(4);

        // when: only the answer changes, only the question-and-answer view is new
        TinyKb.writeFaqs(kbDir, TinyKb.with("faq-driver-renew", f -> TinyKb.withAnswer(rephrased, "带身份证和体检证明到车管所换证。")));
        KnowledgeSearchBuilder answerOnly = newBuilder();
        try (KnowledgeSearch ignored = build(answerOnly, load(kbDir))) {
            assertThat(cache(answerOnly).computedCount()).isEqualTo(1);
        }
    }

    @Test
    void should_repair_a_torn_last_record_and_recompute_only_that_vector() throws IOException {
        KnowledgeBase kb = load(TinyKb.write(kbDir));
        try (KnowledgeSearch ignored = build(newBuilder(), kb)) {
            // fills the store
        }
        Path vectors = vectorsFile();
        long whole = Files.size(vectors);
        assertThat(whole % RECORD).isZero();
        // given: a crash while appending cut the last record in the middle
        try (FileChannel channel = FileChannel.open(vectors, StandardOpenOption.WRITE)) {
            channel.truncate(whole - RECORD / 2);
        }
        deleteTree(store.resolve("index")); // make the next build read every vector

        // when
        KnowledgeSearchBuilder builder = newBuilder();
        try (KnowledgeSearch search = build(builder, kb)) {
            assertThat(search.search(SearchRequest.of("驾驶证到期了怎么换证")).top().orElseThrow()
                    .passage().citationKey()).isEqualTo("faq-driver-renew");
        }

        // then: the torn record was dropped, its vector computed again and appended on a record boundary
        assertThat(cache(builder).computedCount()).isEqualTo(1);
        assertThat(Files.size(vectors)).isEqualTo(whole);
        deleteTree(store.resolve("index"));
        KnowledgeSearchBuilder afterRepair = newBuilder();
        try (KnowledgeSearch ignored = build(afterRepair, kb)) {
            assertThat(cache(afterRepair).computedCount()).isZero();
        }
    }

    @Test
    void should_ignore_trailing_garbage_in_the_vectors_file() throws IOException {
        KnowledgeBase kb = load(TinyKb.write(kbDir));
        try (KnowledgeSearch ignored = build(newBuilder(), kb)) {
            // fills the store
        }
        Path vectors = vectorsFile();
        long whole = Files.size(vectors);
        try (OutputStream out = Files.newOutputStream(vectors, StandardOpenOption.APPEND)) {
            out.write(new byte[]{1, 2, 3, 4, 5, 6, 7});
        }

        CachingEmbedder reopened = new CachingEmbedder(TestModels.EMBEDDER, store.resolve("embeddings"));

        assertThat(reopened.size()).isEqualTo((int) (whole / RECORD));
        assertThat(Files.size(vectors)).isEqualTo(whole);
    }

    private KnowledgeSearchBuilder newBuilder() {
        return new KnowledgeSearchBuilder(TestModels.NLP, TestModels.EMBEDDER, Optional.of(store));
    }

    private static KnowledgeSearch build(KnowledgeSearchBuilder builder, KnowledgeBase kb) {
        return builder.build(kb, RankingModels.bundled());
    }

    private static KnowledgeBase load(Path dir) {
        return new KnowledgeBaseLoader().load(KbSource.directory(dir), LoadMode.STRICT).knowledgeBase();
    }

    private static CachingEmbedder cache(KnowledgeSearchBuilder builder) {
        return (CachingEmbedder) builder.passageEmbedder();
    }

    private static long viewCount(KnowledgeBase kb) {
        return new PassageBuilder(Chunker.defaults()).build(kb).stream()
                .flatMap(p -> VectorViews.of(p).stream()).map(VectorViews.View::text).distinct().count();
    }

    private static long viewsOf(KnowledgeBase kb, String faqId) {
        Passage passage = new PassageBuilder(Chunker.defaults()).build(kb).stream()
                .filter(p -> p.id().equals(faqId)).findFirst().orElseThrow();
        return VectorViews.of(passage).size();
    }

    private Path vectorsFile() throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("embeddings"))) {
            return files.filter(p -> p.getFileName().toString().matches("vectors-.*\\.bin")).findFirst().orElseThrow();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
