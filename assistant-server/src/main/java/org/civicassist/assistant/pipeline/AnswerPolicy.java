package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.RefusalReason;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.search.SearchResult;
import org.civicassist.nlp.Understanding;
import org.civicassist.nlp.intent.Aspect;
import org.civicassist.nlp.intent.QuestionForm;
import org.civicassist.nlp.intent.Signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The decide stage: answer, ask the citizen to choose, hand to a person, or decline, from the nlp signals, the
 * calibrated confidence of retrieval and the service the candidates point at ({@link ServiceFocus}). Low confidence
 * alone never hands a citizen over: they are offered the likely items, told how to ask again and given 转人工 as an
 * action of their own. In order of precedence:
 * <ol>
 *   <li>emergency → hand off at once (the reply also gives 110 / 119 / 120);</li>
 *   <li>abusive language → decline politely;</li>
 *   <li>asks for a person, complains, is angry or in urgent hardship → hand off;</li>
 *   <li>only a greeting, thanks or goodbye → small talk; nothing to search → ask for the question;</li>
 *   <li>asks about the rules or offices of a place the knowledge base does not cover (上海的低保标准) → say so and
 *       where to ask, whatever ranks first;</li>
 *   <li>asks to look up or work out the citizen's own records (帮我查一下我的…) → say that the assistant cannot see
 *       them and where to look, with the nearest items;</li>
 *   <li>a question of its own that names no service term and whose words are all in the titles of several services
 *       (补证 → 补领: the identity card's, the marriage certificate's, the driving licence's …) → ask which of those
 *       services, however sure the ranker is of one;</li>
 *   <li>confidence ≥ answer threshold → answer with the first candidate, unless the message only requests a
 *       service it does not name and asks nothing of it (想约个号): that is offered the items — of its service, when
 *       that is sure, which then becomes the conversation's; a follow-up asking about an aspect of the conversation's
 *       topic is answered when the first candidate is that topic's answer to that aspect, and a follow-up asking no
 *       aspect, above the clarify threshold, when the conversation's service is settled (answered or requested, no
 *       turn unresolved since) and the first candidate is of it, the service sure;</li>
 *   <li>the service is sure (its share ≥ the service threshold), of this city and, for a follow-up, the
 *       conversation's: with an aspect asked, answer with the service's item about that aspect; with none, and a
 *       short question or one naming little but the service, answer with the service card;</li>
 *   <li>a message that only tells the citizen's situation (no question, no aspect) → acknowledge it as context;</li>
 *   <li>confidence ≥ clarify threshold → ask to choose: among the items of the competing services when several
 *       compete (at most two of each), else among the items of the one likely service;</li>
 *   <li>otherwise, when the previous turn was already unresolved (a choice offered and not taken, or nothing
 *       found) → hand off: a second attempt that failed;</li>
 *   <li>otherwise → say that nothing answers it surely, with the nearest items, 12345 and 转人工.</li>
 * </ol>
 */
public final class AnswerPolicy {

    /** Candidates within this many logits of the first compete with it. */
    static final double COMPETING_MARGIN = 1.5;
    static final int MAX_OPTIONS = 4;
    /** Options of one service among competing ones ({@link #competingItems}). */
    static final int OPTIONS_PER_SERVICE = 2;
    /** Options offered when nothing is sure: fewer, since they are guesses. */
    static final int MAX_NEAREST = 3;
    /**
     * The share of the ranking mass above which the service a question is about counts as known (see
     * {@link ServiceFocus}); below it the citizen is asked to choose.
     */
    static final double SERVICE_SURE = 0.80;
    /** Letters and digits of a short question: the head of real traffic (结婚登记, 补办社保卡要多久). */
    static final int SHORT_QUESTION_CHARS = 12;

    /**
     * How high the ranker must put the sure service's item about the element asked for it to answer a short question
     * or a follow-up no item is sure for. On the three dev files, answering it wherever it ranked gave dev 0.753
     * resolved at 0.103 wrong; among the first two, 0.753 at 0.095 (three wrong answers became offers); first only,
     * 0.751 at 0.093 but dialogue turns 0.702 instead of 0.717. For a longer question of its own the element path
     * is closed altogether: out of fold (eval.jar crossval, the same fold models) dev resolution 0.706 → 0.691 but
     * wrong answers 0.116 → 0.098, out of scope left unanswered 0.845 → 0.914, within one click 0.879 → 0.887; common
     * 0.933 → 0.930; dialogues unchanged.
     */
    static final int ELEMENT_AMONG_FIRST = 2;
    /** How much of a question a service's title must cover for the question to be that title. */
    static final double IS_THE_TITLE = 0.80;
    /** How much of a question a FAQ's phrasings must cover for the FAQ to be the question asked. */
    static final double IS_THE_FAQ = 0.80;
    /** How much of a question the service's title or FAQ phrasings must cover for it to name the service. */
    static final double NAMES_THE_SERVICE = 0.40;
    /** How much of a question the service title must cover for it to name only that service (结婚登记, 护照). */
    static final double NAMES_ONLY_THE_SERVICE = 0.60;

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
        return decide(u, result, state, followUp, List.of());
    }

    /**
     * The same, knowing how much of the message every service's title covers ({@code titles}, one candidate per
     * service as {@link org.civicassist.kb.search.KnowledgeSearch#byTitle} gives them; empty when not judged, and then
     * only the ranked candidates' titles are compared).
     */
    public Decision decide(Understanding u, SearchResult result, DialogueState state, boolean followUp,
                           List<Candidate> titles) {
        if (result.candidates().isEmpty()) {
            if (u.signals().contains(Signal.GREETING)) {
                return new Decision.SmallTalk(Signal.GREETING);
            }
            return onlySituation(u) ? new Decision.AcknowledgeSituation() : unresolved(List.of(), 0, result, state);
        }
        double p = result.confidence();
        // another city's rules or offices (上海的低保标准): this city's item on the subject would be a wrong answer
        if (result.otherPlaceAsked()) {
            return new Decision.NotFound(List.of(), p, Decision.Beyond.OTHER_CITY);
        }
        // their own records (帮我查一下我的…): whatever item ranks first says how to look, not what they hold; it may
        // be among the items offered
        if (u.has(Signal.OWN_RECORD)) {
            return new Decision.NotFound(nearest(result.candidates(), result), p, Decision.Beyond.OWN_RECORD);
        }
        Candidate top = result.candidates().get(0);
        // a question that names no service term, and whose words the titles of several services all hold (补证 is
        // 补领 to the identity card's, the marriage certificate's, the driving licence's … reissue), says no more
        // than a kind of service: however sure the ranker is of one of them, which one is meant is the citizen's to say
        List<Candidate> titledAlike = u.domainTerms().isEmpty() && !followUp
                ? servicesTitledAlike(result.candidates(), titles, u.aspect().isPresent()) : List.of();
        if (titledAlike.size() >= 2) {
            return new Decision.AskToChoose(titledAlike, p);
        }
        // a follow-up is about the conversation's service: another one found for it is not sure
        Optional<ServiceFocus> focus = ServiceFocus.of(result.candidates())
                .filter(f -> f.share() >= SERVICE_SURE && !result.foreignPlace())
                .filter(f -> !followUp || state.topicServiceId().map(f.serviceId()::equals).orElse(true));
        boolean aspectAsked = u.aspect().isPresent() && u.aspect().get() != Aspect.OVERVIEW;
        // service → element: within a sure service, the item about the element asked
        Optional<Candidate> element = focus.filter(f -> aspectAsked).flatMap(ServiceFocus::itemAboutAskedAspect);
        // a short question (a service and an element, no situation) asks for the element even when another item of
        // the service is surer — unless that item is the FAQ asked (护照丢了 咋补: the FAQ on losing it, not the
        // process section or another FAQ on the process); a longer one may describe the situation a FAQ answers, and
        // so may a follow-up, short as it is, with the conversation's situation
        if (element.isPresent() && element.get() != top && top.features().get("aspect_match") == 0
                && isShort(u) && !followUp && !isTheFaq(top)) {
            return new Decision.AnswerWith(element.get(), Math.max(p, focus.get().share()));
        }
        // a service named with nothing asked about it gets its card (a follow-up without an aspect asks something of
        // the service the card would not say); a question that is the service's title (结婚登记) names it even when
        // neighbouring services share the ranking
        boolean asksForTheService = !aspectAsked && !followUp && !QuestionForm.questions(u.normalized());
        Optional<ServiceFocus> titled = result.foreignPlace() ? Optional.empty() : titled(result.candidates(),
                u.domainTerms(), titles);
        // when no item is sure, the card is a guess at the service: only a question that names it by a service term
        // makes it (想补个证 fits every certificate's reissue; 身份证补办 names one), and never a service whose title
        // lacks the term named
        boolean namesByTerm = !u.domainTerms().isEmpty() || p >= answerThreshold;
        Predicate<ServiceFocus> cardFits = f -> namesByTerm && titleHas(f.items().get(0), u.domainTerms());
        // a question that is little more than a service's name (结婚登记, 护照) asks for the service, not for whichever
        // of its items ranks first, however sure: its card. A short question that a FAQ's phrasing matches best
        // (护照丢了) is answered by that FAQ when it is sure; when a section ranks first, which section is arbitrary
        Optional<ServiceFocus> named = focus.filter(f -> namesOnlyTheService(f)
                        || (isShort(u) && namesTheService(f) && top.passage().kind() == PassageKind.SECTION))
                .filter(cardFits)
                .or(() -> titled);
        if (asksForTheService && named.isPresent()) {
            return serviceCard(named.get());
        }
        // a request that names no service and asks nothing of it (想约个号, 想办个执照) asks for a kind of service:
        // whichever item of the likely one ranks first, however sure, answers what was not asked. It is offered the
        // items: of its service when that is sure, which then holds for what follows as a card's would (a service it
        // names is its card, above); else of the services that compete (below)
        boolean onlyRequests = asksForTheService && QuestionForm.asks(u.normalized());
        if (onlyRequests && focus.isPresent() && p >= clarifyThreshold) {
            return new Decision.OfferService(focus.get().serviceId(),
                    focus.get().items().stream().limit(MAX_OPTIONS).toList(), p);
        }
        if ((p >= answerThreshold && !onlyRequests) || (followUp && answersTopicAspect(top, u, state))) {
            return new Decision.AnswerWith(top, p);
        }
        // no item sure: the element of the sure service answers a short question or a follow-up, and only when the
        // ranker put it first or second (lower down, the aspect alone picked it over items the ranker found closer).
        // A longer question of its own describes more than a service and an element (a situation, or a service the
        // KB lacks that shares the element's words): it is offered the options, the element among them
        if (element.isPresent() && (isShort(u) || followUp)
                && result.candidates().indexOf(element.get()) < ELEMENT_AMONG_FIRST) {
            return new Decision.AnswerWith(element.get(), Math.max(p, focus.get().share()));
        }
        if (followUp && !aspectAsked && p >= clarifyThreshold && withinTheSettledService(top, focus, state)) {
            return new Decision.AnswerWith(top, p);
        }
        // not sure of any item: a short question naming the service gets its card
        Optional<ServiceFocus> shortlyNamed = focus.filter(f -> isShort(u) && namesTheService(f)).filter(cardFits);
        if (asksForTheService && shortlyNamed.isPresent()) {
            return serviceCard(shortlyNamed.get());
        }
        if (onlySituation(u) && !followUp) {
            return new Decision.AcknowledgeSituation();
        }
        if (p >= clarifyThreshold) {
            List<Candidate> competing = competingItems(result.candidates());
            return new Decision.AskToChoose(competing.size() >= 2 ? competing : itemsOfTopService(result.candidates()),
                    p);
        }
        return unresolved(result.candidates(), p, result, state);
    }

    private static Decision serviceCard(ServiceFocus f) {
        return new Decision.ServiceCard(f.serviceId(), f.items().get(0), f.share());
    }

    /** Nothing sure: the nearest items to offer, or, after an unresolved turn already, a person. */
    private static Decision unresolved(List<Candidate> ranked, double p, SearchResult result, DialogueState state) {
        if (state.unresolvedStreak() > 0) {
            return new Decision.HandToStaff(HandoffReason.UNRESOLVED, p);
        }
        return new Decision.NotFound(nearest(ranked, result), p,
                result.foreignPlace() ? Decision.Beyond.OTHER_CITY : Decision.Beyond.NOTHING_SURE);
    }

    /** The first few competing items, as guesses; none for a place the KB does not cover. */
    private static List<Candidate> nearest(List<Candidate> ranked, SearchResult result) {
        return result.foreignPlace() || ranked.isEmpty() ? List.of()
                : competingItems(ranked).stream().limit(MAX_NEAREST).toList();
    }

    /** The question is little more than the service's name: its title covers most of the question's words. */
    private static boolean namesOnlyTheService(ServiceFocus f) {
        return titleCoverage(f) >= NAMES_ONLY_THE_SERVICE;
    }

    /**
     * The question's words are found in the service's title or in the phrasings of one of its FAQs: it names the
     * service (火星上有水吗 is short too, but names none).
     */
    private static boolean namesTheService(ServiceFocus f) {
        return f.items().stream().mapToDouble(c -> Math.max(seen(c, "question_cov"), seen(c, "title_cov")))
                .max().orElse(0) >= NAMES_THE_SERVICE;
    }

    /**
     * The service whose title the question is (结婚登记 → 内地居民结婚登记): its guide's title covers the question almost
     * whole, better than any other service's title does — whatever the ranking of their items.
     */
    static Optional<ServiceFocus> titled(List<Candidate> ranked, Set<String> terms) {
        return titled(ranked, terms, List.of());
    }

    /**
     * The same, the title's lead judged against every service's title ({@code titles}) as well as the ranked
     * candidates': a service the ranking left out may have the question for a title just as much (补贴).
     */
    static Optional<ServiceFocus> titled(List<Candidate> ranked, Set<String> terms, List<Candidate> titles) {
        Candidate best = null;
        for (Candidate c : ranked) {
            // a FAQ without a guide has its question for a title (…怎么查进度、多久到账？), which names no service
            if (c.passage().guideId() == null) {
                continue;
            }
            if (!titleHas(c, terms)) {
                continue;
            }
            if (best == null || seen(c, "title_cov") > seen(best, "title_cov")) {
                best = c;
            }
        }
        if (best == null || seen(best, "title_cov") < IS_THE_TITLE) {
            return Optional.empty();
        }
        String service = best.passage().serviceId();
        double cover = seen(best, "title_cov");
        boolean unique = Stream.concat(ranked.stream(), titles.stream())
                .noneMatch(c -> !c.passage().serviceId().equals(service) && seen(c, "title_cov") >= cover);
        return unique ? Optional.of(ServiceFocus.on(service, ranked)) : Optional.empty();
    }

    /**
     * A title without the service term the question names is another service's title (身份证到期换证 is not the driving
     * licence's 有效期满换证, however many of its words it shares).
     */
    private static boolean titleHas(Candidate c, Set<String> terms) {
        return terms.stream().allMatch(c.passage().title()::contains);
    }

    /** A FAQ whose phrasings cover the question almost whole: it was written for this very question. */
    private static boolean isTheFaq(Candidate c) {
        return c.passage().kind() == PassageKind.FAQ && seen(c, "question_cov") >= IS_THE_FAQ;
    }

    /** How much of the question the service's title covers (IDF-weighted share of its words). */
    private static double titleCoverage(ServiceFocus f) {
        return f.items().stream().mapToDouble(c -> seen(c, "title_cov")).max().orElse(0);
    }

    /**
     * A coverage feature over the whole question: the coverage features leave out the words the KB never mentions,
     * so 今天江州下不下雨 would be "covered" by the city's app through 江州 alone; here such words count as not found.
     */
    private static double seen(Candidate c, String coverage) {
        return c.features().get(coverage) * (1 - c.features().get("unknown_share"));
    }

    /** A service name and perhaps an element (补办社保卡要多久), no story around it. */
    static boolean isShort(Understanding u) {
        return u.retrievalText().codePoints().filter(Character::isLetterOrDigit).count() <= SHORT_QUESTION_CHARS;
    }

    /**
     * A message that asks nothing: no aspect, no question words, no service term — it tells the citizen's situation
     * (我在外地上班 社保一直在江州交) and is kept as the context of what follows. A short one must have the grammar of
     * telling ({@link QuestionForm#tells}: 我证快到期了, 去年换了两次工作): without it (开收入证明, 电车上牌, 补学位证) it
     * names what the citizen wants in words the dictionary lacks, and was told "noted your situation" (6 of 20 such
     * requests written for the check, none of them a dev question); paired out of fold, common within one click 0.961
     * → 0.965, nothing else moved.
     */
    static boolean onlySituation(Understanding u) {
        return u.domainTerms().isEmpty() && !asks(u) && (!isShort(u) || QuestionForm.tells(u.normalized()));
    }

    /** The message asks something: an element of a service, or a question or request form (吗, 怎么, 想 …). */
    static boolean asks(Understanding u) {
        return u.aspect().isPresent() || QuestionForm.asks(u.normalized());
    }

    /**
     * A follow-up in a conversation whose service is settled, found within that service: the service is sure for it
     * and its first candidate is of it. Options would ask which service is meant, and that is known; which of its
     * items is the ranker's call (for a follow-up asking no aspect: one asking an aspect its first item does not answer
     * is offered the items). An answer settles the service, and so does a request for it when it is sure
     * ({@link Decision.OfferService}); a service only offered among options, or a turn unresolved since, settles
     * nothing (the conversation may have turned to a neighbouring service). On the dialogue questions, out of fold
     * with the same fold models: turns resolved 0.673 → 0.693 with answers settling (in sample 0.683 → 0.727), 0.698
     * → 0.717 with requests too (0.732 → 0.751); wrong answers 0.220 → 0.220 → 0.214 (in sample 0.157 → 0.163 →
     * 0.158); dev and common unchanged.
     */
    private static boolean withinTheSettledService(Candidate top, Optional<ServiceFocus> focus, DialogueState state) {
        return state.topicServiceId().isPresent() && state.unresolvedStreak() == 0
                && focus.map(f -> f.serviceId().equals(top.passage().serviceId())).orElse(false);
    }

    private static boolean answersTopicAspect(Candidate top, Understanding u, DialogueState state) {
        return u.aspect().isPresent() && top.features().get("aspect_match") > 0
                && state.topicServiceId().map(top.passage().serviceId()::equals).orElse(false);
    }

    /**
     * One item of each service whose title covers the question (at least {@link #IS_THE_TITLE} of it), when there are
     * several, at most {@link #MAX_OPTIONS}: the services in ranking order, then those the ranking left out. Each
     * stands for its service by its title's passage (the guide's first section), or, when an element is asked (补证要带啥),
     * by its best ranked item. Empty when fewer than two services' titles cover the question.
     */
    static List<Candidate> servicesTitledAlike(List<Candidate> ranked, List<Candidate> titles, boolean elementAsked) {
        // each titled service by its title's passage, in the titles' order
        Map<String, Candidate> titled = new LinkedHashMap<>();
        for (Candidate c : titles) {
            if (c.passage().guideId() != null && seen(c, "title_cov") >= IS_THE_TITLE) {
                titled.putIfAbsent(c.passage().serviceId(), c);
            }
        }
        if (titled.size() < 2) {
            return List.of();
        }
        // the services the ranking found first, in its order, each by its best item when an element is asked
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        for (Candidate c : ranked) {
            String service = c.passage().serviceId();
            if (titled.containsKey(service)) {
                chosen.putIfAbsent(service, elementAsked ? c : titled.get(service));
            }
        }
        titled.forEach(chosen::putIfAbsent);
        return chosen.values().stream().limit(MAX_OPTIONS).toList();
    }

    /** The best items of the first candidate's service, at most {@link #MAX_OPTIONS}. */
    static List<Candidate> itemsOfTopService(List<Candidate> ranked) {
        String service = ranked.get(0).passage().serviceId();
        return ranked.stream().filter(c -> c.passage().serviceId().equals(service)).limit(MAX_OPTIONS).toList();
    }

    /**
     * The candidates scoring close to the first, in ranking order, at most {@value #OPTIONS_PER_SERVICE} of a service
     * and {@link #MAX_OPTIONS} in all, when they span two services or more; else the first alone. The ranking's
     * second item is as often its first's neighbour in the same service (a FAQ on fees beside the one on materials) as
     * another service's best, and one option a service left that neighbour out: paired out of fold (stop 25) dev
     * resolution within one click 0.896 → 0.901, common 0.954 → 0.961; three of a service gained nothing more.
     */
    static List<Candidate> competingItems(List<Candidate> ranked) {
        double best = ranked.get(0).score();
        Map<String, Integer> perService = new HashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : ranked) {
            if (best - c.score() > COMPETING_MARGIN || out.size() == MAX_OPTIONS) {
                break;
            }
            if (perService.merge(c.passage().serviceId(), 1, Integer::sum) <= OPTIONS_PER_SERVICE) {
                out.add(c);
            }
        }
        return perService.size() >= 2 ? out : List.of(ranked.get(0));
    }
}
