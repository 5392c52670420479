package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.RefusalReason;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.search.SearchResult;
import org.civicassist.nlp.Understanding;
import org.civicassist.nlp.intent.Signal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The decide stage: answer, ask the citizen to choose, hand to a person, or decline, from the nlp signals and the
 * calibrated confidence of retrieval. In order of precedence:
 * <ol>
 *   <li>emergency → hand off at once (the reply also gives 110 / 119 / 120);</li>
 *   <li>abusive language → decline politely;</li>
 *   <li>asks for a person, complains, is angry or in urgent hardship → hand off;</li>
 *   <li>only a greeting, thanks or goodbye → small talk; nothing to search → ask for the question;</li>
 *   <li>confidence ≥ answer threshold → answer with the first candidate; so too a follow-up asking about an aspect
 *       of the conversation's topic when the first candidate is that topic's answer to that aspect (the topic was
 *       settled by an earlier answer, the aspect by a cue word);</li>
 *   <li>confidence ≥ clarify threshold → ask to choose, unless the previous turn was already unresolved: among
 *       the competing services when several compete, else among the items of the one likely service;</li>
 *   <li>otherwise → hand off (low confidence, or a second unresolved turn).</li>
 * </ol>
 */
public final class AnswerPolicy {

    /** Candidates within this many logits of the first compete with it. */
    static final double COMPETING_MARGIN = 1.5;
    static final int MAX_OPTIONS = 4;

    private final double answerThreshold;
    private final double clarifyThreshold;

    public AnswerPolicy(double answerThreshold, double clarifyThreshold) {
        if (!(0 <= clarifyThreshold && clarifyThreshold <= answerThreshold && answerThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 <= clarify <= answer <= 1");
        }
        this.answerThreshold = answerThreshold;
        this.clarifyThreshold = clarifyThreshold;
    }

    /** Decides before retrieval from the signals alone, or returns null when retrieval is needed. */
    public Decision decideFromSignals(Understanding u) {
        if (u.signals().stream().anyMatch(Signal::isEmergency)) {
            return new Decision.HandToStaff(HandoffReason.EMERGENCY, 1.0);
        }
        if (u.has(Signal.ABUSIVE)) {
            return new Decision.Decline(RefusalReason.ABUSIVE);
        }
        if (u.has(Signal.HUMAN_REQUEST)) {
            return new Decision.HandToStaff(HandoffReason.REQUESTED, 1.0);
        }
        if (u.has(Signal.COMPLAINT) || u.has(Signal.ANGER)) {
            return new Decision.HandToStaff(HandoffReason.COMPLAINT, 1.0);
        }
        if (u.has(Signal.URGENT_HELP)) {
            return new Decision.HandToStaff(HandoffReason.URGENT_HELP, 1.0);
        }
        if (u.isBlank()) {
            for (Signal s : List.of(Signal.GREETING, Signal.THANKS, Signal.GOODBYE)) {
                if (u.has(s)) {
                    return new Decision.SmallTalk(s);
                }
            }
            return new Decision.AskForQuestion();
        }
        return null;
    }

    /** Decides from the retrieval result of a question (not a follow-up). */
    public Decision decide(Understanding u, SearchResult result, DialogueState state) {
        return decide(u, result, state, false);
    }

    /** Decides from the retrieval result; {@code followUp} when the message was read against the topic. */
    public Decision decide(Understanding u, SearchResult result, DialogueState state, boolean followUp) {
        if (result.candidates().isEmpty()) {
            return u.signals().contains(Signal.GREETING) ? new Decision.SmallTalk(Signal.GREETING)
                    : new Decision.HandToStaff(HandoffReason.LOW_CONFIDENCE, 0);
        }
        double p = result.confidence();
        Candidate top = result.candidates().get(0);
        if (p >= answerThreshold || (followUp && answersTopicAspect(top, u, state))) {
            return new Decision.AnswerWith(top, p);
        }
        if (p >= clarifyThreshold && state.unresolvedStreak() == 0) {
            List<Candidate> competing = competingServices(result.candidates());
            return new Decision.AskToChoose(competing.size() >= 2 ? competing : itemsOfTopService(result.candidates()),
                    p);
        }
        return new Decision.HandToStaff(state.unresolvedStreak() > 0 ? HandoffReason.UNRESOLVED
                : HandoffReason.LOW_CONFIDENCE, p);
    }

    private static boolean answersTopicAspect(Candidate top, Understanding u, DialogueState state) {
        return u.aspect().isPresent() && top.features().get("aspect_match") > 0
                && state.topicServiceId().map(top.passage().serviceId()::equals).orElse(false);
    }

    /** The best items of the first candidate's service, at most {@link #MAX_OPTIONS}. */
    static List<Candidate> itemsOfTopService(List<Candidate> ranked) {
        String service = ranked.get(0).passage().serviceId();
        return ranked.stream().filter(c -> c.passage().serviceId().equals(service)).limit(MAX_OPTIONS).toList();
    }

    /** The best candidate of each service scoring close to the first, at most {@link #MAX_OPTIONS}. */
    static List<Candidate> competingServices(List<Candidate> ranked) {
        double best = ranked.get(0).score();
        Set<String> services = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : ranked) {
            if (best - c.score() > COMPETING_MARGIN || out.size() == MAX_OPTIONS) {
                break;
            }
            if (services.add(c.passage().serviceId())) {
                out.add(c);
            }
        }
        return out;
    }
}
