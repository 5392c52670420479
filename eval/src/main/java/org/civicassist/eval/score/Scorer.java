package org.civicassist.eval.score;

import org.civicassist.eval.question.Question;
import org.civicassist.eval.run.Outcome;

import java.util.List;
import java.util.function.Function;

/**
 * The scoring rules of ../shared/eval/README.md:
 * <ul>
 *   <li>resolved: an answerable question whose reply is {@code answer} and whose first citation matches an expected
 *       item (a FAQ id; a guide id, any section of it; or {@code guide#section}, that section);</li>
 *   <li>an out-of-scope question is handled when the reply is anything but {@code answer}, or an answer whose first
 *       citation is in {@code accept};</li>
 *   <li>a human question is handled when the reply is {@code handoff};</li>
 *   <li>a wrong answer is a reply of type {@code answer} that is neither a resolved answerable question nor an
 *       accepted citation.</li>
 * </ul>
 * Only the last turn of a multi-turn question is judged. A question's domain is the KB domain of its first expected
 * item; questions without expected items count under their kind (out_of_scope, human).
 */
public final class Scorer {

    private final Function<String, String> domainOfItem;

    /** @param domainOfItem the KB domain of an item id (FAQ or guide), or null when unknown */
    public Scorer(Function<String, String> domainOfItem) {
        this.domainOfItem = domainOfItem;
    }

    public QuestionResult score(Question q, Outcome o) {
        Outcome.Cited first = o.citations().isEmpty() ? null : o.citations().get(0);
        boolean answered = o.isAnswer() && first != null;
        boolean resolved = false;
        boolean handled;
        boolean wrong;
        switch (q.kind()) {
            case ANSWERABLE -> {
                resolved = answered && Question.matches(q.expect(), first.id(), first.section());
                handled = resolved;
                wrong = answered && !resolved;
            }
            case OUT_OF_SCOPE -> {
                boolean accepted = answered && Question.matches(q.accept(), first.id(), first.section());
                handled = !o.isAnswer() || accepted;
                wrong = answered && !accepted;
            }
            default -> {
                handled = "handoff".equals(o.type());
                wrong = answered && !Question.matches(q.accept(), first.id(), first.section());
            }
        }
        return new QuestionResult(q, o, resolved, handled, wrong, firstMatchRank(q, o.ranked()), domain(q));
    }

    static int firstMatchRank(Question q, List<Outcome.Cited> ranked) {
        if (q.kind() != Question.Kind.ANSWERABLE) {
            return 0;
        }
        for (int i = 0; i < ranked.size(); i++) {
            if (Question.matches(q.expect(), ranked.get(i).id(), ranked.get(i).section())) {
                return i + 1;
            }
        }
        return 0;
    }

    private String domain(Question q) {
        if (q.expect().isEmpty()) {
            return q.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        String item = q.expect().get(0);
        int hash = item.indexOf('#');
        String domain = domainOfItem.apply(hash < 0 ? item : item.substring(0, hash));
        return domain == null ? "unknown" : domain;
    }
}
