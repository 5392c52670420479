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
                                             RankingModelFitter.Settings settings,
                                             RankingModelFitter.ScorerTrainer trainer) {
        return fit(Training.of(assistant, questions), settings, trainer);
    }

    public static RankingModelFitter.Fit fit(Training training, RankingModelFitter.Settings settings,
                                             RankingModelFitter.ScorerTrainer trainer) {
        return new RankingModelFitter(trainer).fit(training.labeled(), training.selfSupervised(), settings);
    }

    /** The labelled questions with the candidates the assistant ranked for them, and the self-supervised ones. */
    public record Training(List<RankingModelFitter.LabeledQuestion> labeled,
                           List<RankingModelFitter.LabeledQuestion> selfSupervised) {
        public static Training of(InProcessRespondent assistant, List<Question> questions) {
            return of(assistant, java.util.Map.of("", questions));
        }

        /** Questions of several styles (e.g. one per question file), each reported on its own by the fit. */
        public static Training of(InProcessRespondent assistant, java.util.Map<String, List<Question>> byStyle) {
            List<RankingModelFitter.LabeledQuestion> labeled = new ArrayList<>();
            byStyle.forEach((style, questions) -> labeled.addAll(ModelFit.labeled(assistant, questions, style)));
            return new Training(labeled, ModelFit.labeled(assistant,
                    sectionSentences(assistant.assembly().knowledge().get().knowledgeBase()), "self-supervised"));
        }

        /** With questions of one more style, ranked by another assistant (e.g. on a copy of the KB). */
        public Training with(InProcessRespondent assistant, String style, List<Question> questions) {
            List<RankingModelFitter.LabeledQuestion> more = new ArrayList<>(labeled);
            more.addAll(ModelFit.labeled(assistant, questions, style));
            return new Training(more, selfSupervised);
        }
    }

    /**
     * Self-supervised questions from the KB itself (the inverse cloze task): from each guide section, its longest
     * plain sentence of 12 to 60 characters, asked as a question whose answer is that section.
     */
    static List<Question> sectionSentences(org.civicassist.kb.model.KnowledgeBase kb) {
        List<Question> out = new ArrayList<>();
        for (org.civicassist.kb.model.Guide g : kb.guides()) {
            for (org.civicassist.kb.model.GuideSection s : g.sections()) {
                String best = null;
                for (String sentence : s.body().split("[。；;！？\\n]")) {
                    String t = sentence.replaceFirst("^\\s*(?:[-*•]|\\d+[.、）)])\\s*", "").strip();
                    if (t.length() >= 12 && t.length() <= 60 && !t.contains("→")
                            && (best == null || t.length() > best.length())) {
                        best = t;
                    }
                }
                if (best != null) {
                    out.add(new Question("ict-" + g.id() + "#" + s.heading(), Question.Kind.ANSWERABLE,
                            List.of(best), List.of(g.id() + "#" + s.heading()), List.of()));
                }
            }
        }
        return out;
    }

    private static List<RankingModelFitter.LabeledQuestion> labeled(InProcessRespondent assistant,
                                                                    List<Question> questions, String style) {
        List<RankingModelFitter.LabeledQuestion> labeled = new ArrayList<>();
        for (Question q : questions) {
            if (q.kind() == Question.Kind.HUMAN) {
                continue;
            }
            Turn turn = assistant.lastTurn(q);
            labeled.add(new RankingModelFitter.LabeledQuestion(q.id(), turn.trace().candidates(),
                    q.kind() == Question.Kind.ANSWERABLE ? new LinkedHashSet<>(q.expect()) : java.util.Set.of(),
                    turn.trace().foreignPlace(), style));
        }
        return labeled;
    }
}
