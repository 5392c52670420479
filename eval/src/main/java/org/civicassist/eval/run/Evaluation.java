package org.civicassist.eval.run;

import org.civicassist.eval.question.Question;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.score.Scorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation run: every question through the assistant and through each baseline, scored alike. When a reply
 * is a clarify that offers an expected item, that option is sent next in the same conversation (resolution within
 * one click, {@link Scorer}).
 *
 * @param name        what was evaluated ("dev", "ncp" …)
 * @param kb          which knowledge base
 * @param questions   which question file
 * @param buildMillis time to load and index the KB for the assistant (0 when not measured, e.g. over HTTP)
 * @param results     the assistant's results, in question order
 * @param baselines   each baseline's results, by name
 * @param environment where it ran (cores, Java, date) — figures only mean something beside it
 */
public record Evaluation(String name, String kb, String questions, long buildMillis, List<QuestionResult> results,
                         Map<String, List<QuestionResult>> baselines, Map<String, String> environment) {

    public static Evaluation run(String name, String kb, String questionFile, List<Question> questions,
                                 Respondent assistant, List<Respondent> baselines, Scorer scorer, long buildMillis,
                                 Map<String, String> environment) {
        List<QuestionResult> results = ask(assistant, questions, scorer);
        Map<String, List<QuestionResult>> base = new LinkedHashMap<>();
        for (Respondent b : baselines) {
            base.put(b.name(), ask(b, questions, scorer));
        }
        return new Evaluation(name, kb, questionFile, buildMillis, results, base, environment);
    }

    private static List<QuestionResult> ask(Respondent r, List<Question> questions, Scorer scorer) {
        List<QuestionResult> out = new ArrayList<>(questions.size());
        for (Question q : questions) {
            Respondent.Conversation conversation = r.open();
            Outcome judged = conversation.sayAll(q.turns());
            Click click = scorer.optionToClick(q, judged)
                    .map(option -> new Click(option, conversation.say(option.text()))).orElse(null);
            out.add(scorer.score(q, judged, click));
        }
        return out;
    }
}
