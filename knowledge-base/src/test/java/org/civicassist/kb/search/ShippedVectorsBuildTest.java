package org.civicassist.kb.search;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.CachingEmbedder;
import org.civicassist.kb.embed.RecordingEmbedder;
import org.civicassist.kb.embed.ShippedVectors;
import org.civicassist.kb.embed.VectorFile;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.rank.RankingModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KB directory may ship the vectors of every text its build embeds ({@code vectors-<model>.bin}, written by
 * {@code eval.jar vectors}), so that its first build on a fresh machine embeds nothing; an edited text is not found
 * among them and is embedded, alone. None of this runs the model: a recording embedder stands in for it, under the
 * real model's id, and writes the shipped file too. (The repository's demo KB ships none: the file is a build output
 * of some megabytes.)
 */
class ShippedVectorsBuildTest {

    /** The id the real model's vectors are keyed with by default. */
    static final String MODEL_ID = BgeSmallZhEmbedder.DEFAULT_WEIGHTS.modelId();

    @TempDir
    Path store;
    @TempDir
    Path kbDir;

    @Test
    void should_embed_nothing__when_a_kb_directory_that_ships_its_vectors_is_first_built_over_an_empty_store()
            throws IOException {
        KnowledgeBase kb = demoKbShippingItsVectorsIn(kbDir);
        RecordingEmbedder model = new RecordingEmbedder(MODEL_ID);
        KnowledgeSearchBuilder builder = new KnowledgeSearchBuilder(TestModels.NLP, model, Optional.of(store));

        try (KnowledgeSearch search = builder.build(kb, RankingModels.bundled(), KbSource.directory(kbDir))) {
            assertThat(search.passageCount()).isPositive();
        }

        assertThat(model.calls).isEmpty();
        assertThat(((CachingEmbedder) builder.passageEmbedder()).computedCount()).isZero();
        // the shipped vectors are not copied into the store
        assertThat(storedRecords()).isZero();
    }

    @Test
    void should_embed_only_the_edited_text__when_a_kb_directory_ships_vectors_and_one_answer_changed()
            throws IOException {
        // given: the demo KB as a maintainer's directory, shipped vectors included, with one FAQ's answer edited
        KnowledgeBase original = demoKbShippingItsVectorsIn(kbDir);
        KnowledgeBase edited = withAnswerEdited(original, original.faqs().get(0).id());
        List<String> newTexts = new ArrayList<>(KnowledgeSearchBuilder.embeddedTexts(edited));
        newTexts.removeAll(Set.copyOf(KnowledgeSearchBuilder.embeddedTexts(original)));
        assertThat(newTexts).hasSize(1); // the FAQ's content view (question and answer); its phrasings are unchanged
        RecordingEmbedder model = new RecordingEmbedder(MODEL_ID);
        KnowledgeSearchBuilder builder = new KnowledgeSearchBuilder(TestModels.NLP, model, Optional.of(store));

        // when
        try (KnowledgeSearch search = builder.build(edited, RankingModels.bundled(), KbSource.directory(kbDir))) {
            assertThat(search.passageCount()).isPositive();
        }

        // then: the model saw the edited text only, in one call, and the store holds its vector alone
        assertThat(model.calls).containsExactly(newTexts);
        assertThat(storedRecords()).isEqualTo(1);
    }

    @Test
    void should_embed_everything__when_a_kb_is_built_without_its_source() {
        // the overload without a source (a KB held in memory) finds no shipped vectors: behaviour as before
        RecordingEmbedder model = new RecordingEmbedder(MODEL_ID);
        KnowledgeBase kb = new KnowledgeBase(List.of(), bundled().faqs().subList(0, 3).stream()
                .map(f -> new Faq(f.id(), f.domain(), f.question(), f.similar(), f.answer(), null)).toList());

        try (KnowledgeSearch ignored = new KnowledgeSearchBuilder(TestModels.NLP, model, Optional.of(store))
                .build(kb, RankingModels.bundled())) {
            assertThat(model.calls).containsExactly(KnowledgeSearchBuilder.embeddedTexts(kb));
        }
    }

    private static KnowledgeBase bundled() {
        return new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase();
    }

    private static KnowledgeBase withAnswerEdited(KnowledgeBase kb, String faqId) {
        List<Faq> faqs = kb.faqs().stream()
                .map(f -> f.id().equals(faqId) ? new Faq(f.id(), f.domain(), f.question(), f.similar(),
                        f.answer() + "（自2027年1月1日起，可在江州政务服务网全程网办。）", f.guideId()) : f)
                .toList();
        return new KnowledgeBase(kb.guides(), faqs);
    }

    /**
     * The demo KB copied into {@code dir} with the vectors of every text its build embeds, as {@code eval.jar vectors}
     * writes them (the recording embedder's vectors, under the real model's id).
     */
    private static KnowledgeBase demoKbShippingItsVectorsIn(Path dir) throws IOException {
        copyBundledKbTo(dir);
        KnowledgeBase kb = new KnowledgeBaseLoader().load(KbSource.directory(dir), LoadMode.STRICT).knowledgeBase();
        List<String> texts = KnowledgeSearchBuilder.embeddedTexts(kb);
        ShippedVectors.write(dir.resolve(VectorFile.fileName(MODEL_ID)), MODEL_ID, texts,
                texts.stream().map(RecordingEmbedder::vector).toList());
        return kb;
    }

    /** Every file the bundled KB's MANIFEST lists, copied into {@code dir}. */
    private static void copyBundledKbTo(Path dir) throws IOException {
        ClassLoader loader = ShippedVectorsBuildTest.class.getClassLoader();
        String manifest;
        try (InputStream in = loader.getResourceAsStream("kb/jiangzhou/MANIFEST")) {
            manifest = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String file : manifest.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            try (InputStream in = loader.getResourceAsStream("kb/jiangzhou/" + file)) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(Objects.requireNonNull(in, file), target);
            }
        }
    }

    private long storedRecords() {
        Path file = store.resolve("embeddings").resolve(VectorFile.fileName(MODEL_ID));
        try {
            return Files.exists(file) ? Files.size(file) / VectorFile.recordBytes(512) : 0;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
