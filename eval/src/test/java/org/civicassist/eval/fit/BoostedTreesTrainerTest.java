package org.civicassist.eval.fit;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.CandidateScorer;
import org.civicassist.kb.rank.Features;
import org.civicassist.kb.rank.RankingModelFitter;
import org.civicassist.kb.rank.RankingModelFitter.LabeledQuestion;
import org.civicassist.kb.rank.TreeEnsemble;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BoostedTreesTrainerTest {

    private static final RankingModelFitter.Settings SETTINGS = RankingModelFitter.Settings.defaults();

    /**
     * Questions whose right candidate is told by an interaction no linear scorer can express: a FAQ is right when its
     * question matches (question_dice high), a section when its aspect matches — a section's question_dice and a FAQ's
     * aspect_match say nothing.
     */
    private static List<LabeledQuestion> interactionQuestions(int n, long seed) {
        Random r = new Random(seed);
        List<LabeledQuestion> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            List<Candidate> cs = new ArrayList<>();
            int right = r.nextInt(4);
            for (int i = 0; i < 4; i++) {
                boolean faq = i % 2 == 0;
                boolean isRight = i == right;
                Features f = new Features();
                f.set("is_faq", faq ? 1 : 0);
                // the informative feature for this kind is high only for the right candidate; the other is high
                // exactly for the wrong candidates of the other kind, misleading a single weight
                f.set("question_dice", faq ? (isRight ? 0.9 : 0.1) : (isRight ? 0.1 : 0.9));
                f.set("aspect_match", faq ? (isRight ? 0 : 1) : (isRight ? 1 : 0));
                String id = "q" + q + "-c" + i;
                Passage p = new Passage(id, faq ? PassageKind.FAQ : PassageKind.SECTION, id, faq ? null : "申请材料",
                        null, "t", "d", List.of(), "x", null);
                cs.add(new Candidate(p, f, 0));
            }
            out.add(new LabeledQuestion("q" + q, cs, Set.of("q" + q + "-c" + right)));
        }
        return out;
    }

    private static double recallAt1(CandidateScorer scorer, List<LabeledQuestion> questions) {
        int first = 0;
        for (LabeledQuestion q : questions) {
            Candidate best = q.candidates().stream()
                    .max(java.util.Comparator.comparingDouble(c -> scorer.score(c.features().values()))).orElseThrow();
            first += q.isRight(best) ? 1 : 0;
        }
        return first / (double) questions.size();
    }

    @Test
    void trees_learn_an_interaction_the_linear_scorer_cannot() {
        List<LabeledQuestion> train = interactionQuestions(200, 1);
        List<LabeledQuestion> test = interactionQuestions(100, 2);

        CandidateScorer trees = new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults())
                .train(train, List.of(), SETTINGS);
        CandidateScorer linear = RankingModelFitter.LINEAR.train(train, List.of(), SETTINGS);

        assertThat(recallAt1(trees, test)).isGreaterThan(0.95);
        assertThat(recallAt1(linear, test)).isLessThan(0.6);
    }

    @Test
    void the_stored_trees_rank_as_the_fitted_ones() {
        List<LabeledQuestion> train = interactionQuestions(100, 3);
        TreeEnsemble trees = new BoostedTreesTrainer(new BoostedTreesTrainer.Params(20, 3, 0.3, 1, 1))
                .train(train, List.of(), SETTINGS);

        CandidateScorer read = CandidateScorer.fromJson(JsonMapper.builder().build()
                .readTree(trees.toJson().toString()), Features.NAMES);

        for (LabeledQuestion q : train) {
            for (Candidate c : q.candidates()) {
                assertThat(read.score(c.features().values())).isEqualTo(trees.score(c.features().values()));
            }
        }
        assertThat(trees.trees()).hasSize(20);
    }

    @Test
    void self_supervised_questions_without_weight_are_left_out() {
        List<LabeledQuestion> train = interactionQuestions(100, 4);
        // the same candidates labelled the other way round: with full weight they would undo the labelled ones
        List<LabeledQuestion> contrary = new ArrayList<>();
        for (LabeledQuestion q : interactionQuestions(100, 4)) {
            Set<String> wrong = new java.util.HashSet<>();
            q.candidates().stream().filter(c -> !q.isRight(c)).forEach(c -> wrong.add(c.passage().itemId()));
            contrary.add(new LabeledQuestion(q.id(), q.candidates(), wrong));
        }
        RankingModelFitter.Settings noSelf = new RankingModelFitter.Settings(0.1, 1, 0.1, 0);
        BoostedTreesTrainer trainer = new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults());

        assertThat(recallAt1(trainer.train(train, contrary, noSelf), train)).isGreaterThan(0.95);
        assertThat(recallAt1(trainer.train(train, contrary, new RankingModelFitter.Settings(0.1, 1, 0.1, 1)),
                train)).isLessThan(0.95);
    }
}
