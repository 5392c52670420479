package org.civicassist.eval.score;

import org.civicassist.eval.question.Question;
import org.civicassist.eval.respond.Click;
import org.civicassist.eval.respond.Outcome;
import org.civicassist.kb.model.KnowledgeBase;

import java.util.List;
import java.util.Optional;
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
 *       accepted citation;</li>
 *   <li>resolved within one click: resolved, or the reply is {@code clarify}, one of its first
 *       {@value #OPTIONS_CONSIDERED} options names an expected item ({@link Question#namedBy}: a FAQ, the expected
 *       guide section, or the guide of an expected section) and sending that option in the same conversation is
 *       answered with an expected item first. Only the first such option is sent (see {@link #optionToClick}): a
 *       conversation takes one click, over HTTP it cannot be branched, and a citizen clicks the first that fits.
 *       A respondent that offers no options (a baseline) resolves within one click exactly what it resolves.</li>
 * </ul>
 * Only the last turn of a multi-turn question is judged.
 * <p>
 * A dialogue (dialogues-dev.jsonl) is judged turn by turn in one conversation, each turn as a question of its own
 * ({@link org.civicassist.eval.question.Dialogue#judgedAt}): a turn with an {@code expect} by the answerable rule
 * above; a context turn ({@link Question.Kind#CONTEXT}) is handled (kept) when the reply is anything but
 * {@code handoff}. A context turn expects no item, like an out-of-scope question, so an {@code answer} to it counts
 * as an answer and, by the README's rule (neither a resolved answerable question nor an accepted citation), as a
 * wrong answer: it asserts a KB item the citizen did not ask for. The reports count these apart
 * ({@code context_answered}) so that they can be told from wrong answers to questions. No option is clicked in a
 * dialogue: the click would become a turn of the conversation that the next turns were not written for. A question's domain is the KB domain of its first expected
 * item; questions without expected items count under their kind (out_of_scope, human).
 */
public final class Scorer {

    private final Function<String, String> domainOfItem;

    /** @param domainOfItem the KB domain of an item id (FAQ or guide), or null when unknown */
    public Scorer(Function<String, String> domainOfItem) {
        this.domainOfItem = domainOfItem;
    }

    /** A scorer that takes each item's domain from the KB the replies come from. */
    public static Scorer of(KnowledgeBase kb) {
        return new Scorer(id -> kb.faq(id).map(f -> f.domain())
                .orElseGet(() -> kb.guide(id).map(g -> g.domain()).orElse(null)));
    }

    /** The README's one-click rule reads only the first five options of a clarify reply. */
    public static final int OPTIONS_CONSIDERED = 5;

    /** Scores a reply after which no option was chosen. */
    public QuestionResult score(Question q, Outcome o) {
        return score(q, o, null);
    }

    /**
     * Scores the judged reply {@code o} and, if the evaluation chose one of its options, the reply to that choice.
     *
     * @param click the option sent after {@code o} and the reply to it, or null
     */
    public QuestionResult score(Question q, Outcome o, Click click) {
        Outcome.Cited first = o.citations().isEmpty() ? null : o.citations().get(0);
        boolean answered = o.isAnswer() && first != null;
        boolean resolved = false;
        boolean handled;
        boolean wrong;
        switch (q.kind()) {
            case ANSWERABLE -> {
                resolved = answeredWithExpected(q, o);
                handled = resolved;
                wrong = answered && !resolved;
            }
            case OUT_OF_SCOPE -> {
                boolean accepted = answered && Question.matches(q.accept(), first.id(), first.section());
                handled = !o.isAnswer() || accepted;
                wrong = answered && !accepted;
            }
            case CONTEXT -> {
                handled = !o.isHandoff();
                wrong = answered && !Question.matches(q.accept(), first.id(), first.section());
            }
            default -> {
                handled = o.isHandoff();
                wrong = answered && !Question.matches(q.accept(), first.id(), first.section());
            }
        }
        boolean resolvedByClick = click != null && offersExpected(q, o, click.option())
                && answeredWithExpected(q, click.reply());
        return new QuestionResult(q, o, resolved, handled, wrong, firstMatchRank(q, o.ranked()), domain(q), click,
                resolved || resolvedByClick);
    }

    /**
     * The option a citizen would choose to reach an expected item: the first of a clarify reply's first
     * {@value #OPTIONS_CONSIDERED} options that names one. Empty when the question is resolved or not answerable,
     * the reply is no clarify, or no such option is offered: then nothing is sent after the judged turn.
     */
    public Optional<Outcome.Option> optionToClick(Question q, Outcome o) {
        return o.options().stream().filter(option -> offersExpected(q, o, option)).findFirst();
    }

    private static boolean offersExpected(Question q, Outcome o, Outcome.Option option) {
        int position = o.options().indexOf(option);
        return q.kind() == Question.Kind.ANSWERABLE && o.isClarify()
                && position >= 0 && position < OPTIONS_CONSIDERED
                && Question.namedBy(q.expect(), option.item().id(), option.item().section());
    }

    /** An answer whose first citation matches an expected item: resolution, before or after a click. */
    private static boolean answeredWithExpected(Question q, Outcome o) {
        return o.isAnswer() && !o.citations().isEmpty()
                && Question.matches(q.expect(), o.citations().get(0).id(), o.citations().get(0).section());
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
