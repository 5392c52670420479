package org.civicassist.eval.replay;

import org.civicassist.eval.evaluation.RunProvenance;
import org.civicassist.eval.run.EvaluationRunner;
import org.civicassist.kb.io.FaqJsonl;
import org.civicassist.kb.load.KbSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What accepting a batch of suggested similar questions would buy, before a maintainer accepts them: the question file
 * is evaluated on the KB as it is and on a copy with every suggestion applied (the question added to its FAQ's
 * {@code similar}, as accepting does), and the two runs are reported side by side. Suggestions recorded against a
 * guide or a guide section cannot be applied as they stand (accepting them needs a FAQ) and are counted as skipped.
 */
public final class Replay {

    /**
     * One suggestion as the suggestions API lists it: the citizen's (masked) question, the item staff picked, and the
     * FAQ accepting it would add the question to ({@code faq}: the item itself when it is a FAQ, empty for a guide).
     */
    public record Suggestion(String question, String item, String faq) {
        Optional<String> target() {
            return Optional.ofNullable(faq).filter(f -> !f.isBlank());
        }
    }

    /** Both runs' reports and what happened to the suggestions. */
    public record Result(ObjectNode before, ObjectNode after, int applied, int alreadyPresent, int skipped) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Replay() {
    }

    /** Reads the JSON the suggestions API returns: an array of suggestions (or an object holding one). */
    public static List<Suggestion> read(Path file) {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode list = root.isArray() ? root : root.path("suggestions");
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": expected an array of suggestions");
        }
        List<Suggestion> out = new ArrayList<>();
        for (JsonNode s : list) {
            String question = s.path("question").asString("");
            if (question.isBlank()) {
                throw new IllegalArgumentException(file + ": a suggestion without a question");
            }
            out.add(new Suggestion(question, s.path("item").asString(null), s.path("faq").asString(null)));
        }
        return out;
    }

    /**
     * Runs the questions on the KB ({@code "bundled"} or a directory) and on a copy of it with the suggestions
     * applied. The copy shares the original's vector store, so only the added questions are embedded.
     */
    public static Result run(String kb, Path questions, List<Suggestion> suggestions, Path store, Path reports) {
        try {
            Path work = Files.createDirectories(reports).resolve("kb-with-suggestions");
            Path copy = work.resolve("kb");
            deleteTree(work);
            copyKb(kb, copy);
            int applied = 0;
            int present = 0;
            int skipped = 0;
            for (Suggestion s : suggestions) {
                Optional<String> faq = s.target();
                FaqJsonl.AddOutcome outcome = faq.isEmpty() ? FaqJsonl.AddOutcome.NO_SUCH_FAQ
                        : FaqJsonl.addSimilar(copy.resolve("faq.jsonl"), faq.get(), s.question());
                switch (outcome) {
                    case ADDED -> applied++;
                    case ALREADY_PRESENT -> present++;
                    case NO_SUCH_FAQ -> skipped++;
                }
            }
            Path originalStore = store.resolve(EvaluationRunner.storeName(kb));
            Path copyStore = store.resolve(EvaluationRunner.storeName(copy.toString()));
            Files.createDirectories(originalStore);
            // vectors are stored by text and indexes by content: the copy may use the original's store
            if (Files.isSymbolicLink(copyStore)) {
                Files.delete(copyStore); // an earlier replay's, perhaps of another KB
            }
            if (!Files.exists(copyStore)) {
                Files.createSymbolicLink(copyStore, originalStore.toAbsolutePath());
            }
            EvaluationRunner runner = new EvaluationRunner(new RunProvenance("replay", null));
            ObjectNode before = runner.run(new EvaluationRunner.Spec("before", kb, questions, null, Optional.empty(),
                    store, false), reports.resolve("before"));
            ObjectNode after = runner.run(new EvaluationRunner.Spec("after", copy.toString(), questions, null,
                    Optional.empty(), store, false), reports.resolve("after"));
            return new Result(before, after, applied, present, skipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the KB's files (faq.jsonl and guides) into {@code target}, from the jar or from a directory. */
    public static void copyKb(String kb, Path target) throws IOException {
        KbSource source = EvaluationRunner.source(kb);
        List<String> files = new ArrayList<>(source.guideFiles());
        files.add("faq.jsonl");
        files.add("ranking-model.json"); // a KB directory may carry its own model: the copy must rank as it does
        for (String f : files) {
            Optional<String> text = source.read(f);
            if (text.isPresent()) {
                Path out = target.resolve(f);
                Files.createDirectories(out.getParent());
                Files.writeString(out, text.get(), StandardCharsets.UTF_8);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
