package org.civicassist.eval.score;

import java.util.List;
import java.util.stream.Stream;

/**
 * One system's judged replies to a question file: per question, or per dialogue (a file holds one or the other).
 *
 * @param questions the single questions' results, in file order
 * @param dialogues the dialogues' results, in file order
 */
public record JudgedReplies(List<QuestionResult> questions, List<DialogueResult> dialogues) {

    public JudgedReplies {
        questions = List.copyOf(questions);
        dialogues = List.copyOf(dialogues);
    }

    /** The dialogue figures for a dialogue file, else the question figures. */
    public RunMetrics metrics() {
        return dialogues.isEmpty() ? Metrics.of(questions) : DialogueMetrics.of(dialogues);
    }

    /** Every judged reply: the questions', then each dialogue's turns in order. */
    public List<QuestionResult> replies() {
        return Stream.concat(questions.stream(),
                dialogues.stream().flatMap(d -> d.turns().stream())).toList();
    }
}
