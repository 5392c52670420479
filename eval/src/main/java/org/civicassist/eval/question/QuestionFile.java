package org.civicassist.eval.question;

import java.util.List;

/**
 * What a question file holds: single questions (dev.jsonl, common-dev.jsonl …) or dialogues (dialogues-dev.jsonl),
 * never both, since the two are reported with different metrics.
 */
public record QuestionFile(List<Question> questions, List<Dialogue> dialogues) {

    public QuestionFile {
        questions = List.copyOf(questions);
        dialogues = List.copyOf(dialogues);
        if (!questions.isEmpty() && !dialogues.isEmpty()) {
            throw new IllegalArgumentException("a question file holds questions or dialogues, not both");
        }
    }

    public boolean ofDialogues() {
        return !dialogues.isEmpty();
    }
}
