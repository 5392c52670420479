package org.civicassist.eval.score;

import org.civicassist.eval.question.Question;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a dialogue run (README, dialogues-dev.jsonl), under the stable keys of report.json. The per-turn
 * figures are those of {@link Metrics} over the turns, so that a turn is judged by the same rules as a question.
 *
 * @param turnResolution    turns with an expect answered with an expected item first
 * @param dialoguesResolved dialogues resolved in every turn ({@link DialogueResult#resolved()})
 * @param contextTurnsKept  context turns not handed off
 * @param wrongAnswerRate   among answers to any turn, the wrong ones (an answered context turn is one: {@link Scorer})
 * @param clarifyRate       turns with an expect whose reply is clarify
 */
public record DialogueMetrics(Double turnResolution, Double dialoguesResolved, Double contextTurnsKept,
                              Double wrongAnswerRate, Double clarifyRate, Metrics.Latency latencyMs,
                              Map<String, Integer> counts) implements RunMetrics {

    /** The report.json keys of {@link #figures()}, in report order. */
    public static final List<String> KEYS = List.of("turn_resolution", "dialogues_resolved", "context_turns_kept",
            "wrong_answer_rate", "clarify_rate");

    public static DialogueMetrics of(List<DialogueResult> dialogues) {
        List<QuestionResult> turns = dialogues.stream().flatMap(d -> d.turns().stream()).toList();
        List<QuestionResult> context = Metrics.of(turns, Question.Kind.CONTEXT);
        Metrics perTurn = Metrics.of(turns);

        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("dialogues", dialogues.size());
        counts.put("turns", turns.size());
        counts.put("question_turns", perTurn.counts().get("answerable"));
        counts.put("context_turns", context.size());
        counts.put("resolved_turns", perTurn.counts().get("resolved"));
        counts.put("dialogues_resolved", (int) dialogues.stream().filter(DialogueResult::resolved).count());
        counts.put("context_kept", (int) context.stream().filter(QuestionResult::handled).count());
        counts.put("context_answered", (int) context.stream().filter(r -> r.outcome().isAnswer()).count());
        counts.put("answers", perTurn.counts().get("answers"));
        counts.put("wrong_answers", perTurn.counts().get("wrong_answers"));
        Metrics.countReplyTypes(turns, counts);

        return new DialogueMetrics(perTurn.resolution(), Metrics.share(dialogues, DialogueResult::resolved),
                Metrics.share(context, QuestionResult::handled), perTurn.wrongAnswerRate(), perTurn.clarifyRate(),
                perTurn.latencyMs(), counts);
    }

    @Override
    public Map<String, Double> figures() {
        return RunMetrics.keyed(KEYS, turnResolution, dialoguesResolved, contextTurnsKept, wrongAnswerRate,
                clarifyRate);
    }
}
