package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.Reply;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.search.KnowledgeSearch;
import org.civicassist.kb.search.SearchRequest;
import org.civicassist.kb.search.SearchResult;
import org.civicassist.nlp.TextUnderstander;
import org.civicassist.nlp.Understanding;
import org.civicassist.nlp.intent.Signal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The assistant's whole answer path, in plain Java: the server answers with it and the evaluation harness measures
 * it, in process. Read top to bottom:
 * <ol>
 *   <li>normalise and understand the message (nlp);</li>
 *   <li>a choice among options offered last turn answers that option;</li>
 *   <li>signals alone may decide (emergency, abuse, a request for a person, small talk);</li>
 *   <li>resolve a follow-up against the conversation's topic;</li>
 *   <li>retrieve and rank (knowledge-base);</li>
 *   <li>decide ({@link AnswerPolicy});</li>
 *   <li>compose the reply ({@link Composer}) and the next dialogue state.</li>
 * </ol>
 * Thread-safe: all state lives in the {@link DialogueState} passed in and returned.
 */
public final class Assistant {

    /** Candidates kept in the trace: staff see what the bot considered, and the ranking model is fitted on them. */
    static final int TRACE_DEPTH = 30;

    private final TextUnderstander understander;
    private final Supplier<KnowledgeSearch> knowledge;
    private final FollowUpResolver followUps;
    private final Composer composer;

    public Assistant(TextUnderstander understander, Supplier<KnowledgeSearch> knowledge, FollowUpResolver followUps,
                     Composer composer) {
        this.understander = understander;
        this.knowledge = knowledge;
        this.followUps = followUps;
        this.composer = composer;
    }

    public Turn respond(DialogueState state, String message) {
        long start = System.nanoTime();
        KnowledgeSearch search = knowledge.get();
        KnowledgeBase kb = search.knowledgeBase();
        AnswerPolicy policy = new AnswerPolicy(search.rankingModels().answerThreshold(),
                search.rankingModels().clarifyThreshold());

        // 1. normalise and understand
        Understanding u = understander.understand(message);

        // 2. the citizen picked one of the options we offered
        String chosenKey = state.offeredOptions().get(u.raw().strip());
        if (chosenKey != null) {
            Optional<Candidate> chosen = search.candidate(chosenKey);
            if (chosen.isPresent()) {
                return finish(u, composer.answer(kb, chosen.get(), 1.0), answered(state, chosen.get()),
                        u.retrievalText(), false, List.of(chosen.get()), 1.0, false, start);
            }
        }

        // 3. signals alone
        Decision early = policy.decideFromSignals(u);
        if (early != null) {
            Composed composed = compose(kb, early, state);
            return finish(u, composed.reply(), composed.next(), u.retrievalText(), false, List.of(), 0, false,
                    start);
        }

        // 4. follow-up resolution
        FollowUpResolver.Resolution resolution = followUps.resolve(u, state);

        // 5. retrieve and rank
        SearchResult result = search.search(new SearchRequest(resolution.text(), u.aspect(),
                resolution.topicServiceId(), TRACE_DEPTH, u.places()));

        // 6. decide
        DialogueState asked = state.asked(resolution.text());
        Decision decision = policy.decide(u, result, asked, resolution.followUp());

        // 7. compose
        Composed composed = compose(kb, decision, asked);
        return finish(u, composed.reply(), composed.next(), resolution.text(), resolution.followUp(),
                result.candidates(), result.confidence(), result.foreignPlace(), start);
    }

    private record Composed(Reply reply, DialogueState next) {
    }

    private Composed compose(KnowledgeBase kb, Decision decision, DialogueState state) {
        // Java 17 has no pattern switch; the sealed Decision keeps this list complete
        if (decision instanceof Decision.AnswerWith a) {
            return new Composed(composer.answer(kb, a.candidate(), a.confidence()), answered(state, a.candidate()));
        }
        if (decision instanceof Decision.AskToChoose c) {
            Composer.Options options = composer.options(kb, c.options());
            boolean oneService = c.options().stream().map(o -> o.passage().serviceId()).distinct().count() == 1;
            Optional<String> service = oneService ? Optional.of(c.options().get(0).passage().serviceId())
                    : Optional.empty();
            Optional<String> title = oneService ? Optional.of(c.options().get(0).passage().title()) : Optional.empty();
            return new Composed(composer.clarify(options, c.confidence()),
                    state.offering(options.keyByLabel(), service, title));
        }
        if (decision instanceof Decision.HandToStaff h) {
            return new Composed(composer.handoff(h.reason(), h.confidence()), state.handedOff());
        }
        if (decision instanceof Decision.Decline d) {
            return new Composed(composer.decline(d.reason()), state);
        }
        if (decision instanceof Decision.SmallTalk s) {
            return new Composed(composer.smallTalk(kb, s.kind()), state);
        }
        return new Composed(composer.askForQuestion(kb), state);
    }

    private static DialogueState answered(DialogueState state, Candidate c) {
        return state.withTopic(c.passage().serviceId(), c.passage().title());
    }

    private Turn finish(Understanding u, Reply reply, DialogueState next, String searched, boolean followUp,
                        List<Candidate> candidates, double confidence, boolean foreignPlace, long start) {
        Reply out = u.has(Signal.PERSONAL_DATA) ? composer.withPersonalDataNotice(reply) : reply;
        return new Turn(out, next, new TurnTrace(u, searched, followUp, candidates, confidence, foreignPlace,
                System.nanoTime() - start));
    }
}
