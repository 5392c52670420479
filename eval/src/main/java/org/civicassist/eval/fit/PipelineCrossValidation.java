package org.civicassist.eval.fit;

import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.eval.evaluation.Evaluation;
import org.civicassist.eval.question.Dialogue;
import org.civicassist.eval.question.Question;
import org.civicassist.eval.question.QuestionFile;
import org.civicassist.eval.replay.Replay;
import org.civicassist.eval.run.InProcessRespondent;
import org.civicassist.eval.score.DialogueResult;
import org.civicassist.eval.score.JudgedReplies;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.score.Scorer;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.embed.QueryAdapter;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.rank.RankingModelFitter;
import org.civicassist.kb.rank.RankingModels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Out-of-fold figures of the whole answer path, not only of the ranker and its threshold: each question file is cut
 * into folds (a dialogue stays whole), and for each fold a ranking model is fitted on the other folds of every file
 * (as {@code eval.jar fit} does, from the candidates the shipped model ranked) and the fold is then judged through the
 * assistant with that model, its thresholds, service cards, element and follow-up rules and all. The figures are
 * those of questions no model saw, so they say what new questions will see of a change to the decision as much as of
 * one to ranking; in-sample figures (the assistant's own model judging the questions it was fitted on) flatter both.
 */
public final class PipelineCrossValidation {

    /** Folds when none are asked for. */
    public static final int DEFAULT_FOLDS = 5;

    /**
     * What a cross-validation gives: each file's replies judged out of fold (all folds together), and each fold's
     * thresholds (how much they move says how stable the fit is).
     */
    public record Result(Map<String, JudgedReplies> byFile, List<double[]> thresholds) {
    }

    private PipelineCrossValidation() {
    }

    /**
     * The ranking model that judges one fold: fitted on the other folds, or one saved by an earlier run (so that two
     * versions of the code are judged by the same models, and only the code differs).
     */
    @FunctionalInterface
    public interface FoldModels {
        /**
         * @param fold   the fold to be judged
         * @param foldOf the fold of any question of the files (by id; a dialogue turn's is its dialogue's)
         */
        RankingModels of(int fold, ToIntFunction<String> foldOf);

        /**
         * Models fitted as {@code eval.jar fit} does, from the candidates {@code shipped} ranks (computed once for all
         * folds), each on every question outside its fold.
         */
        static FoldModels fitted(InProcessRespondent shipped, Map<String, QuestionFile> files,
                                 RankingModelFitter.Settings settings, RankingModelFitter.ScorerTrainer trainer) {
            Optional<QueryAdapter> adapter = shipped.assembly().knowledge().get().rankingModels().queryAdapter();
            Map<String, List<Question>> training = new LinkedHashMap<>();
            files.forEach((style, file) -> training.put(style, fitQuestions(file)));
            ModelFit.Training all = ModelFit.Training.of(shipped, training);
            return (fold, foldOf) -> {
                ModelFit.Training rest = new ModelFit.Training(all.labeled().stream()
                        .filter(q -> foldOf.applyAsInt(q.id()) != fold).toList(), all.selfSupervised());
                return ModelFit.fit(rest, settings, trainer).models().withQueryAdapter(adapter);
            };
        }

        /** The models an earlier run saved under its work directory ({@link #savedModel}). */
        static FoldModels savedIn(Path earlierWork) {
            return (fold, foldOf) -> {
                Path file = savedModel(earlierWork, fold);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no model of fold " + fold + " in " + earlierWork
                            + " (a run with as many folds writes " + file.getFileName() + " there)");
                }
                return RankingModels.load(file);
            };
        }
    }

    /** Where a run keeps the model that judged a fold. */
    public static Path savedModel(Path work, int fold) {
        return work.resolve("fold-" + fold).resolve(RankingModels.FILE_NAME);
    }

    /**
     * @param shipped the assistant with the KB's own model (its KB and domains score the replies)
     * @param kb      {@code bundled} or a KB directory (copied under {@code work}, where each fold's model is put)
     * @param store   the store {@code shipped} uses: vectors and index are shared, nothing is embedded again
     * @param files   the question files by style, in the order given
     * @param models  the model of each fold; each is saved under {@code work} ({@link #savedModel})
     */
    public static Result run(InProcessRespondent shipped, String kb, Path work, Path store, Embedder embedder,
                             Map<String, QuestionFile> files, int folds, FoldModels models) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        Map<String, Integer> foldOf = new HashMap<>();
        files.forEach((style, file) -> foldOf.putAll(folds(file, folds)));
        Scorer scorer = Scorer.of(shipped.assembly().knowledge().get().knowledgeBase());
        Path copy = work.resolve("kb");
        try {
            Replay.copyKb(kb, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<QuestionResult>> questions = new LinkedHashMap<>();
        Map<String, List<DialogueResult>> dialogues = new LinkedHashMap<>();
        List<double[]> thresholds = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            int held = fold;
            RankingModels model = models.of(held, id -> foldOf(foldOf, id));
            thresholds.add(new double[]{model.answerThreshold(), model.clarifyThreshold()});
            try {
                Files.createDirectories(savedModel(work, held).getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            model.save(savedModel(work, held));
            model.save(copy.resolve(RankingModels.FILE_NAME));
            try (InProcessRespondent judge = new InProcessRespondent(AssistantAssembly.create(
                    KbSource.directory(copy), LoadMode.LENIENT, Optional.of(store), embedder, Clock.systemUTC()))) {
                files.forEach((style, file) -> {
                    QuestionFile part = new QuestionFile(
                            file.questions().stream().filter(q -> foldOf.get(q.id()) == held).toList(),
                            file.dialogues().stream().filter(d -> foldOf.get(d.id()) == held).toList());
                    JudgedReplies judged = Evaluation.run("fold " + held, kb, style, part, judge, List.of(), scorer,
                            0, Map.of()).results();
                    questions.computeIfAbsent(style, s -> new ArrayList<>()).addAll(judged.questions());
                    dialogues.computeIfAbsent(style, s -> new ArrayList<>()).addAll(judged.dialogues());
                });
            }
        }
        try {
            Files.deleteIfExists(copy.resolve(RankingModels.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, JudgedReplies> byFile = new LinkedHashMap<>();
        files.keySet().forEach(style -> byFile.put(style,
                new JudgedReplies(questions.get(style), dialogues.get(style))));
        return new Result(byFile, thresholds);
    }

    /**
     * The fold of each question or dialogue of a file: its position in the file modulo {@code folds}, so that the
     * folds mix the file's order (its questions are grouped by domain) and the same file always splits alike.
     */
    static Map<String, Integer> folds(QuestionFile file, int folds) {
        List<String> ids = file.ofDialogues() ? file.dialogues().stream().map(Dialogue::id).toList()
                : file.questions().stream().map(Question::id).toList();
        Set<String> distinct = Set.copyOf(ids);
        if (distinct.size() != ids.size()) {
            throw new IllegalArgumentException("question ids repeat: "
                    + ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).distinct()
                    .collect(Collectors.joining(", ")));
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), i % folds);
        }
        return out;
    }

    /** A question's fold; a dialogue turn's question (dlg-001#2) is in its dialogue's. */
    static int foldOf(Map<String, Integer> folds, String questionId) {
        Integer own = folds.get(questionId);
        if (own != null) {
            return own;
        }
        int hash = questionId.lastIndexOf('#');
        Integer dialogue = hash < 0 ? null : folds.get(questionId.substring(0, hash));
        if (dialogue == null) {
            throw new IllegalStateException("no fold for question " + questionId);
        }
        return dialogue;
    }

    /** The questions a fit learns from: single questions, or each dialogue turn that asks something, in context. */
    public static List<Question> fitQuestions(QuestionFile file) {
        if (!file.ofDialogues()) {
            return file.questions();
        }
        List<Question> out = new ArrayList<>();
        for (Dialogue d : file.dialogues()) {
            for (int i = 0; i < d.turns().size(); i++) {
                if (!d.turns().get(i).context()) {
                    out.add(d.judgedAt(i));
                }
            }
        }
        return out;
    }
}
