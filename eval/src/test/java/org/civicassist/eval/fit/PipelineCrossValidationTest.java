package org.civicassist.eval.fit;

import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.eval.question.Dialogue;
import org.civicassist.eval.question.Question;
import org.civicassist.eval.question.QuestionFile;
import org.civicassist.eval.question.QuestionSet;
import org.civicassist.eval.run.EvaluationRunner;
import org.civicassist.eval.run.InProcessRespondent;
import org.civicassist.eval.score.JudgedReplies;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.testing.BundledStore;
import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.rank.RankingModelFitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineCrossValidationTest {

    @TempDir
    Path dir;

    private QuestionFile file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return QuestionSet.read(f);
    }

    private static String question(String id) {
        return "{\"id\": \"" + id + "\", \"question\": \"社保卡丢了怎么补办\", \"kind\": \"answerable\", "
                + "\"expect\": [\"faq-shebao-001\"]}";
    }

    private static String dialogue(String id) {
        return "{\"id\": \"" + id + "\", \"kind\": \"dialogue\", \"turns\": [{\"text\": \"身份证到期了 去哪换\", "
                + "\"expect\": [\"guide-huji-id-card#办理地点与时间\"]}, {\"text\": \"要多久\", "
                + "\"expect\": [\"guide-huji-id-card#办理时限\"]}]}";
    }

    @Test
    void a_file_is_cut_into_folds_by_position_and_a_dialogues_turns_stay_in_its_fold() throws IOException {
        QuestionFile singles = file("q.jsonl", question("a"), question("b"), question("c"), question("d"),
                question("e"));
        QuestionFile dialogues = file("d.jsonl", dialogue("dlg-1"), dialogue("dlg-2"), dialogue("dlg-3"));

        Map<String, Integer> folds = PipelineCrossValidation.folds(singles, 2);
        Map<String, Integer> dialogueFolds = PipelineCrossValidation.folds(dialogues, 2);

        assertThat(folds).containsExactlyInAnyOrderEntriesOf(Map.of("a", 0, "b", 1, "c", 0, "d", 1, "e", 0));
        assertThat(PipelineCrossValidation.foldOf(dialogueFolds, "dlg-2#1")).isEqualTo(1);
        assertThat(PipelineCrossValidation.foldOf(dialogueFolds, "dlg-2#2")).isEqualTo(1);
        assertThat(PipelineCrossValidation.foldOf(dialogueFolds, "dlg-3#2")).isEqualTo(0);
        assertThatThrownBy(() -> PipelineCrossValidation.foldOf(dialogueFolds, "dlg-9#1"))
                .hasMessageContaining("dlg-9#1");
    }

    @Test
    void questions_whose_ids_repeat_cannot_be_split() throws IOException {
        QuestionFile twice = file("twice.jsonl", question("a"), question("b"), question("a"));

        assertThatThrownBy(() -> PipelineCrossValidation.folds(twice, 2)).hasMessageContaining("repeat")
                .hasMessageContaining("a");
    }

    /**
     * On the demo KB with the real model, two folds: no model is ever fitted on questions of both folds (each fold is
     * judged by a model that never saw it), and every question and dialogue is judged exactly once; a second run with
     * the models the first saved fits nothing and judges alike.
     */
    @Test
    void every_question_is_judged_once_by_a_model_fitted_without_its_fold__and_again_by_the_saved_models() throws IOException {
        List<String> dev = Files.readAllLines(Path.of("questions", "dev.jsonl"), StandardCharsets.UTF_8)
                .subList(0, 24);
        List<String> dialogueLines = Files.readAllLines(Path.of("questions", "dialogues-dev.jsonl"),
                StandardCharsets.UTF_8).subList(0, 6);
        Map<String, QuestionFile> files = new LinkedHashMap<>();
        files.put("dev", file("dev.jsonl", dev.toArray(String[]::new)));
        files.put("dialogues", file("dialogues.jsonl", dialogueLines.toArray(String[]::new)));
        Map<String, Integer> foldOf = new java.util.HashMap<>();
        files.values().forEach(f -> foldOf.putAll(PipelineCrossValidation.folds(f, 2)));
        List<Set<Integer>> foldsTrainedOn = new ArrayList<>();
        RankingModelFitter.ScorerTrainer recording = (questions, selfSupervised, settings) -> {
            foldsTrainedOn.add(questions.stream().map(q -> PipelineCrossValidation.foldOf(foldOf, q.id()))
                    .collect(Collectors.toSet()));
            return RankingModelFitter.LINEAR.train(questions, selfSupervised, settings);
        };
        Path store = BundledStore.root().resolve(EvaluationRunner.storeName("bundled"));
        Embedder embedder = new BgeSmallZhEmbedder();

        PipelineCrossValidation.Result result;
        try (InProcessRespondent shipped = new InProcessRespondent(AssistantAssembly.create(
                EvaluationRunner.source("bundled"), LoadMode.LENIENT, Optional.of(store), embedder,
                Clock.systemUTC()))) {
            result = PipelineCrossValidation.run(shipped, "bundled", dir.resolve("work"), store, embedder, files, 2,
                    PipelineCrossValidation.FoldModels.fitted(shipped, files, RankingModelFitter.Settings.defaults(),
                            recording));
            // judged again by the models the first run saved: nothing is fitted, the same replies come back
            int fits = foldsTrainedOn.size();
            PipelineCrossValidation.Result again = PipelineCrossValidation.run(shipped, "bundled",
                    dir.resolve("again"), store, embedder, files, 2,
                    PipelineCrossValidation.FoldModels.savedIn(dir.resolve("work")));
            assertThat(foldsTrainedOn).hasSize(fits);
            assertThat(again.thresholds()).containsExactlyElementsOf(result.thresholds());
            assertThat(again.byFile().get("dev").questions()).extracting(r -> r.outcome().type())
                    .containsExactlyElementsOf(result.byFile().get("dev").questions().stream()
                            .map(r -> r.outcome().type()).toList());
            assertThatThrownBy(() -> PipelineCrossValidation.FoldModels.savedIn(dir.resolve("work")).of(2, id -> 0))
                    .hasMessageContaining("no model of fold 2");
        }

        assertThat(foldsTrainedOn).isNotEmpty().allSatisfy(folds -> assertThat(folds).hasSizeLessThanOrEqualTo(1));
        assertThat(foldsTrainedOn.stream().flatMap(Set::stream).collect(Collectors.toSet())).containsExactly(0, 1);
        JudgedReplies judgedDev = result.byFile().get("dev");
        assertThat(judgedDev.questions()).extracting(r -> r.question().id()).containsExactlyInAnyOrderElementsOf(
                files.get("dev").questions().stream().map(Question::id).toList());
        assertThat(result.byFile().get("dialogues").dialogues()).extracting(d -> d.dialogue().id())
                .containsExactlyInAnyOrderElementsOf(files.get("dialogues").dialogues().stream().map(Dialogue::id)
                        .toList());
        assertThat(result.thresholds()).hasSize(2);
        assertThat(judgedDev.questions()).extracting(QuestionResult::outcome).doesNotContainNull();
        assertThat(dir.resolve("work").resolve("kb").resolve("ranking-model.json"))
                .as("the fold models are not left in the KB copy").doesNotExist();
    }
}
