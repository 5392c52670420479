package org.civicassist.eval.fit;

import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.eval.question.Question;
import org.civicassist.eval.run.InProcessRespondent;
import org.civicassist.kb.rank.RankingModelFitter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Fits the ranking model and the confidence calibrator on labelled questions, from the candidates the assistant
 * itself ranked for them (multi-turn questions with their dialogue context). Questions for a person are left out:
 * the signals decide those, not retrieval.
 */
public final class ModelFit {

    private ModelFit() {
    }

    public static RankingModelFitter.Fit fit(InProcessRespondent assistant, List<Question> questions,
                                             RankingModelFitter.Settings settings) {
        List<RankingModelFitter.LabeledQuestion> labeled = new ArrayList<>();
        for (Question q : questions) {
            if (q.kind() == Question.Kind.HUMAN) {
                continue;
            }
            Turn turn = assistant.lastTurn(q);
            labeled.add(new RankingModelFitter.LabeledQuestion(q.id(), turn.trace().candidates(),
                    q.kind() == Question.Kind.ANSWERABLE ? new LinkedHashSet<>(q.expect()) : java.util.Set.of(),
                    turn.trace().foreignPlace()));
        }
        return new RankingModelFitter().fit(labeled, settings);
    }
}
