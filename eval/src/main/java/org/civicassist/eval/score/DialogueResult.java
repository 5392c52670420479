package org.civicassist.eval.score;

import org.civicassist.eval.question.Dialogue;

import java.util.List;

/**
 * One dialogue judged turn by turn.
 *
 * @param dialogue the dialogue
 * @param turns    each turn's result, in order (turn i judged as {@link Dialogue#judgedAt}(i))
 */
public record DialogueResult(Dialogue dialogue, List<QuestionResult> turns) {

    public DialogueResult {
        turns = List.copyOf(turns);
    }

    /** Resolved in every turn: each turn with an expect resolved, each context turn kept. */
    public boolean resolved() {
        return turns.stream().allMatch(QuestionResult::handled);
    }
}
