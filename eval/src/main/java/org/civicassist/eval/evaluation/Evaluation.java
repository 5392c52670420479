package org.civicassist.eval.evaluation;

import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import org.civicassist.eval.respond.Click;
import org.civicassist.eval.question.Dialogue;
import org.civicassist.eval.question.Question;
import org.civicassist.eval.question.QuestionFile;
import org.civicassist.eval.score.DialogueResult;
import org.civicassist.eval.score.JudgedReplies;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.score.Scorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation run: every question (or dialogue) through the assistant and through each baseline, scored alike.
 * When a question's reply is a clarify that offers an expected item, that option is sent next in the same
 * conversation (resolution within one click, {@link Scorer}). A dialogue's turns are sent in one conversation, each
 * judged.
 *
 * @param name        what was evaluated ("dev", "ncp" …)
 * @param kb          which knowledge base
 * @param questions   which question file
 * @param buildMillis time to load and index the KB for the assistant (0 when not measured, e.g. over HTTP)
 * @param results     the assistant's results, in file order
 * @param baselines   each baseline's results, by name
 * @param environment where it ran (cores, Java, date) — figures only mean something beside it
 */
public record Evaluation(String name, String kb, String questions, long buildMillis, JudgedReplies results,
                         Map<String, JudgedReplies> baselines, Map<String, String> environment) {

    public static Evaluation run(String name, String kb, String questionFile, QuestionFile questions,
                                 Respondent assistant, List<Respondent> baselines, Scorer scorer, long buildMillis,
                                 Map<String, String> environment) {
        JudgedReplies results = judge(assistant, questions, scorer);
        Map<String, JudgedReplies> base = new LinkedHashMap<>();
        for (Respondent b : baselines) {
            base.put(b.name(), judge(b, questions, scorer));
        }
        return new Evaluation(name, kb, questionFile, buildMillis, results, base, environment);
    }

    static JudgedReplies judge(Respondent r, QuestionFile file, Scorer scorer) {
        List<QuestionResult> questions = new ArrayList<>(file.questions().size());
        for (Question q : file.questions()) {
            questions.add(ask(r, q, scorer));
        }
        List<DialogueResult> dialogues = new ArrayList<>(file.dialogues().size());
        for (Dialogue d : file.dialogues()) {
            dialogues.add(converse(r, d, scorer));
        }
        return new JudgedReplies(questions, dialogues);
    }

    private static QuestionResult ask(Respondent r, Question q, Scorer scorer) {
        Respondent.Conversation conversation = r.open();
        Outcome judged = conversation.sayAll(q.turns());
        Click click = scorer.optionToClick(q, judged)
                .map(option -> new Click(option, conversation.say(option.text()))).orElse(null);
        return scorer.score(q, judged, click);
    }

    private static DialogueResult converse(Respondent r, Dialogue d, Scorer scorer) {
        Respondent.Conversation conversation = r.open();
        List<QuestionResult> turns = new ArrayList<>(d.turns().size());
        for (int i = 0; i < d.turns().size(); i++) {
            turns.add(scorer.score(d.judgedAt(i), conversation.say(d.turns().get(i).text())));
        }
        return new DialogueResult(d, turns);
    }
}
