package org.civicassist.eval.fit;

import org.civicassist.eval.question.Question;
import org.civicassist.eval.replay.Replay;
import org.civicassist.kb.io.FaqJsonl;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.Faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FAQs' similar questions as labelled questions to fit on, asked of a copy of the KB from which every similar
 * question is removed: asked of the KB itself, each would find its own words and teach the ranker nothing about
 * paraphrase. Each expects its FAQ. The copy shares the original's vector store (vectors are stored by text), so
 * building its index embeds nothing new.
 */
public final class HeldOutSimilarQuestions {

    /** A KB directory without similar questions, and the questions taken out of it. */
    public record Prepared(Path kb, List<Question> questions) {
    }

    private HeldOutSimilarQuestions() {
    }

    /**
     * @param kb    {@code bundled} or a KB directory
     * @param work  where the copy is written (emptied first)
     * @param store the evaluation store whose {@code storeName} directory the copy shares
     */
    public static Prepared prepare(String kb, Path work, Path store, String storeName) {
        try {
            deleteTree(work);
            Path copy = work.resolve("kb-without-similar");
            Replay.copyKb(kb, copy);
            List<Faq> faqs = new KnowledgeBaseLoader().load(KbSource.directory(copy), LoadMode.LENIENT)
                    .knowledgeBase().faqs();
            List<Question> questions = new ArrayList<>();
            List<Faq> stripped = new ArrayList<>();
            for (Faq f : faqs) {
                for (int i = 0; i < f.similar().size(); i++) {
                    questions.add(new Question("similar-" + f.id() + "-" + (i + 1), Question.Kind.ANSWERABLE,
                            List.of(f.similar().get(i)), List.of(f.id()), List.of()));
                }
                stripped.add(new Faq(f.id(), f.domain(), f.question(), List.of(), f.answer(), f.guideId()));
            }
            FaqJsonl.write(copy.resolve("faq.jsonl"), stripped);
            Path shared = store.resolve(storeName).toAbsolutePath();
            Files.createDirectories(shared);
            Path copyStore = store.resolve(copy.getFileName().toString());
            if (Files.isSymbolicLink(copyStore)) {
                Files.delete(copyStore);
            }
            if (!Files.exists(copyStore)) {
                Files.createSymbolicLink(copyStore, shared);
            }
            return new Prepared(copy, questions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
