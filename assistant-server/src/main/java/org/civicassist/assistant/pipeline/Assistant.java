package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.Reply;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.search.KnowledgeSearch;
import org.civicassist.kb.search.SearchRequest;
import org.civicassist.kb.search.SearchResult;
import org.civicassist.nlp.TextUnderstander;
import org.civicassist.nlp.Understanding;
import org.civicassist.nlp.intent.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The assistant's whole answer path, in plain Java: the server answers with it and the evaluation harness measures
 * it, in process. Read top to bottom:
 * <ol>
 *   <li>normalise and understand the message (nlp);</li>
 *   <li>a choice among options offered last turn answers that option;</li>
 *   <li>signals alone may decide (emergency, abuse, a request for a person, small talk);</li>
 *   <li>resolve a follow-up against the conversation's topic ({@link FollowUpResolver}); a {@link QuestionRewriter}
 *       may restate the message as a standalone question;</li>
 *   <li>retrieve and rank (knowledge-base);</li>
 *   <li>decide ({@link AnswerPolicy});</li>
 *   <li>compose the reply ({@link Composer}) and the next dialogue state; an answer may be worded from the retrieved
 *       passages by an {@link AnswerWriter}, and stays extractive whenever the writer returns nothing.</li>
 * </ol>
 * The rewriter and the writer are optional (a language model, see the {@code llm} package); without them every
 * answer is the knowledge base's own text. Thread-safe: all state lives in the {@link DialogueState} passed in and
 * returned.
 */
public final class Assistant {

    /** Candidates kept in the trace: staff see what the bot considered, and the ranking model is fitted on them. */
    public static final int TRACE_DEPTH = 30;

    private final TextUnderstander understander;
    private final Supplier<KnowledgeSearch> knowledge;
    private final FollowUpResolver followUps;
    private final Composer composer;
    private final QuestionRewriter rewriter;
    private final AnswerWriter writer;

    public Assistant(TextUnderstander understander, Supplier<KnowledgeSearch> knowledge, FollowUpResolver followUps,
                     Composer composer, QuestionRewriter rewriter, AnswerWriter writer) {
        this.understander = understander;
        this.knowledge = knowledge;
        this.followUps = followUps;
        this.composer = composer;
        this.rewriter = rewriter;
        this.writer = writer;
    }

    /** Extractive only: no rewriting, no writing. */
    public Assistant(TextUnderstander understander, Supplier<KnowledgeSearch> knowledge, FollowUpResolver followUps,
                     Composer composer) {
        this(understander, knowledge, followUps, composer, QuestionRewriter.NONE, AnswerWriter.EXTRACTIVE);
    }

    /** The same answer path without rewriter and writer, e.g. to replay earlier turns for their dialogue state. */
    public Assistant extractive() {
        return new Assistant(understander, knowledge, followUps, composer);
    }

    public Turn respond(DialogueState state, String message) {
        return respond(state, message, Optional.empty());
    }

    /**
     * The same, for a client that shows the reply as it is written: a written answer's checked pieces go to
     * {@code shown} as they come (see {@link AnswerWriter#write(AnswerWriter.Request, Consumer)}). The returned
     * reply is the whole truth: when its text is not the pieces joined, it replaces them.
     */
    public Turn respond(DialogueState state, String message, Consumer<String> shown) {
        return respond(state, message, Optional.of(shown));
    }

    private Turn respond(DialogueState state, String message, Optional<Consumer<String>> shown) {
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

        // 4. follow-up resolution, then a standalone restatement if a rewriter gives one
        FollowUpResolver.Resolution resolution = standalone(newTopic(followUps.resolve(u, state,
                term -> state.topicServiceId().map(id -> kb.serviceMentions(id, term)).orElse(false)), u, state,
                search), u, state);

        // 5. retrieve and rank
        // a follow-up naming a term its service mentions may still ask about that term's own service (身份证 前两天丢了
        // after 补领结婚证 is about the identity card, 户口簿要带吗 after 结婚登记 about the marriage): it is read alone
        // as well, and the reading the ranker is clearly surer of stands (the conversation's, unless the other is surer
        // by ALONE_SURER_BY)
        FollowUpResolver.Resolution alone = resolution.followUp() && !u.domainTerms().isEmpty()
                ? followUps.asNewQuestion(u, state) : null;
        List<SearchResult> readings = search.search(alone == null ? List.of(request(resolution, u, state))
                : List.of(request(resolution, u, state), request(alone, u, state)));
        SearchResult result = readings.get(0);
        if (alone != null && aloneIsSurer(result.confidence(), readings.get(1).confidence())) {
            resolution = alone;
            result = readings.get(1);
        }

        // 6. decide
        // the context kept in the conversation is stored: masked like the transcript (a number the detector does not
        // recognise, such as an ID with a wrong check digit, is still the citizen's)
        DialogueState asked = state.asked(mask(resolution.text()));
        // every service's title against a question of its own: whether it is one service's title, several alike, or none
        List<Candidate> titles = resolution.followUp() ? List.of() : search.byTitle(u.retrievalText());
        Decision decision = policy.decide(u, result, asked, resolution.followUp(), titles);

        // 7. compose; an answer may be written from the retrieved passages
        Composed composed = compose(kb, decision, asked);
        Reply reply = composed.reply();
        if (writer != AnswerWriter.EXTRACTIVE && decision instanceof Decision.AnswerWith a
                && reply instanceof Reply.Answer extractive) {
            AnswerWriter.Request request = new AnswerWriter.Request(u.masked(), mask(resolution.text()),
                    chosenFirst(a.candidate(), result.candidates()), extractive, kb);
            Optional<Reply.Answer> written = shown.isPresent()
                    ? writer.write(request, withNotice(u, shown.get()))
                    : writer.write(request);
            reply = written.<Reply>map(w -> w).orElse(extractive);
        }
        // only what the citizen asked and got answered is "already answered": an item given to a message that only
        // told the situation may well answer the question that follows
        // a message that asks nothing tells the citizen's situation, which holds for the rest of the conversation;
        // one that is a service's name (answered by its card) tells none. Nothing found for it is no failed attempt:
        // the question that follows is the first, and is not handed to a person for being unsure
        DialogueState next = AnswerPolicy.asks(u) ? composed.next() : composed.next().withoutLastAnswer();
        if (!AnswerPolicy.asks(u) && !(decision instanceof Decision.ServiceCard)) {
            next = next.told(mask(u.retrievalText())).withUnresolvedStreak(state.unresolvedStreak());
        }
        return finish(u, reply, next, resolution.text(), resolution.followUp(),
                result.candidates(), result.confidence(), result.foreignPlace(), start);
    }

    /**
     * How much surer the reading of a follow-up alone must be than its reading with the conversation to replace it. The
     * conversation's reading is the default for a term its service mentions; a reading alone that is only a little
     * surer turned the conversation to another service on the confidences' noise (户口本用带吗 after 结婚登记 → the
     * household register's guide, and the turns after it with it). Paired out of fold (stop 24's fold models): dialogue
     * turns 0.746 → 0.766, wrong answers 0.177 → 0.160 at 0.10; at 0.25, in sample, turns the other way lost more.
     */
    static final double ALONE_SURER_BY = 0.10;

    /** Whether a follow-up's reading alone, at {@code alone}, replaces its reading with the conversation. */
    static boolean aloneIsSurer(double withConversation, double alone) {
        return alone > withConversation + ALONE_SURER_BY;
    }

    private static SearchRequest request(FollowUpResolver.Resolution resolution, Understanding u, DialogueState state) {
        // a follow-up question asks something else than what was just answered: that item is not a candidate for it.
        // One that asks nothing only tells whose case it is (我是外地户口 after an answer on who may apply), and the
        // item just answered may well be the one for that case
        Set<String> answeredAlready = resolution.followUp() && AnswerPolicy.asks(u)
                ? state.lastAnswer().map(Set::of).orElse(Set.of()) : Set.of();
        return new SearchRequest(resolution.text(), u.aspect(), resolution.topicServiceId(), TRACE_DEPTH, u.places(),
                answeredAlready, u.askedPlaces(), Optional.of(u.retrievalText()));
    }

    /**
     * A message without a service term of the dictionary may still name a service of the KB other than the
     * conversation's (协议离婚 after a passport question): its words are that service's title. It is then a new
     * question, not a follow-up. The services are judged by their titles alone ({@link KnowledgeSearch#byTitle}), not
     * by a search of the message: a follow-up costs one search, not two.
     */
    private FollowUpResolver.Resolution newTopic(FollowUpResolver.Resolution resolved, Understanding u,
                                                 DialogueState state, KnowledgeSearch search) {
        if (!resolved.followUp()) {
            return resolved;
        }
        boolean another = AnswerPolicy.titled(search.byTitle(u.retrievalText()), u.domainTerms())
                .filter(f -> !state.topicServiceId().map(f.serviceId()::equals).orElse(false))
                .isPresent();
        return another ? followUps.asNewQuestion(u, state) : resolved;
    }

    /**
     * A message can depend on the conversation only once there is one. The rewrite replaces the text searched for;
     * the resolver's topic stays. A rewrite that is the message itself adds nothing, and the resolver's reading
     * (with its context) stands.
     */
    private FollowUpResolver.Resolution standalone(FollowUpResolver.Resolution resolved, Understanding u,
                                                   DialogueState state) {
        if (rewriter == QuestionRewriter.NONE
                || (state.topicServiceId().isEmpty() && state.lastQuestion().isEmpty())) {
            return resolved;
        }
        DialogueState context = new DialogueState(state.topicServiceId(), state.topicTitle(),
                state.lastQuestion().map(this::mask), state.unresolvedStreak(), state.offeredOptions(),
                state.lastAnswer(), state.situation().map(this::mask));
        return rewriter.rewrite(u.masked(), context)
                .map(q -> understander.understand(q).retrievalText())
                .filter(q -> !q.isBlank() && !q.equals(u.retrievalText()))
                .map(q -> new FollowUpResolver.Resolution(q, resolved.topicServiceId(), resolved.followUp()))
                .orElse(resolved);
    }

    /**
     * Text that may leave the process or be stored (a language model, the transcript, the staff queue): personal data
     * masked as the nlp stage masks it.
     */
    public String mask(String text) {
        return understander.mask(text);
    }

    /**
     * {@code current} (masked alone) and the citizen's previous message as stored, with a number typed across the
     * two masked in both (see {@link org.civicassist.nlp.pii.PiiMasker#continuing}).
     */
    public org.civicassist.nlp.pii.PiiMasker.Continued maskContinuing(String previous, String current) {
        return understander.maskContinuing(previous, current);
    }

    private static List<Candidate> chosenFirst(Candidate chosen, List<Candidate> ranked) {
        List<Candidate> out = new ArrayList<>();
        out.add(chosen);
        ranked.stream().filter(c -> c != chosen).forEach(out::add);
        return out;
    }

    /** {@link #finish} puts the personal-data notice before the reply; what is shown first must carry it too. */
    private Consumer<String> withNotice(Understanding u, Consumer<String> shown) {
        if (!u.has(Signal.PERSONAL_DATA)) {
            return shown;
        }
        AtomicBoolean first = new AtomicBoolean(true);
        return piece -> shown.accept(first.getAndSet(false) ? composer.withPersonalDataNotice(piece) : piece);
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
        if (decision instanceof Decision.OfferService offer) {
            Composer.Options options = composer.options(kb, offer.options());
            return new Composed(composer.clarify(options, offer.confidence()), state.settledOn(offer.serviceId(),
                    offer.options().get(0).passage().title(), options.keyByLabel()));
        }
        if (decision instanceof Decision.ServiceCard card) {
            Optional<Guide> guide = kb.guide(card.serviceId());
            if (guide.isEmpty()) { // a FAQ without a guide is its own service: answer with it
                return new Composed(composer.answer(kb, card.top(), card.confidence()), answered(state, card.top()));
            }
            Reply reply = composer.serviceCard(kb, guide.get(), card.confidence());
            return new Composed(reply,
                    answered(state, card.top()).offeringAlong(new Composer.Options(reply.options()).keyByLabel()));
        }
        if (decision instanceof Decision.NotFound n) {
            Composer.Options options = composer.options(kb, n.nearest());
            return new Composed(composer.notFound(options, n.confidence(), n.why()),
                    state.offering(options.keyByLabel(), Optional.empty(), Optional.empty()));
        }
        if (decision instanceof Decision.AcknowledgeSituation) {
            return new Composed(composer.acknowledgeSituation(), state);
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
        return state.answered(c.passage().serviceId(), c.passage().title(), c.passage().citationKey());
    }

    private Turn finish(Understanding u, Reply reply, DialogueState next, String searched, boolean followUp,
                        List<Candidate> candidates, double confidence, boolean foreignPlace, long start) {
        Reply out = u.has(Signal.PERSONAL_DATA) ? composer.withPersonalDataNotice(reply) : reply;
        return new Turn(out, next, new TurnTrace(u, searched, followUp, candidates, confidence, foreignPlace,
                System.nanoTime() - start));
    }
}
