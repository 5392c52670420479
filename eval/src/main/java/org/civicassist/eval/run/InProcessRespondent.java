package org.civicassist.eval.run;

import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.eval.question.Question;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.search.SearchRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The assistant in this JVM, built by {@link AssistantAssembly} exactly as the server builds it; each question is a
 * fresh conversation whose dialogue state carries from turn to turn (and on to a chosen option).
 */
public final class InProcessRespondent implements Respondent {

    private final AssistantAssembly assembly;

    public InProcessRespondent(AssistantAssembly assembly) {
        this.assembly = assembly;
    }

    @Override
    public String name() {
        return "assistant";
    }

    @Override
    public Conversation open() {
        return new InProcessConversation();
    }

    /**
     * Carries the dialogue state each turn returns into the next, as the server's conversation store does. As on the
     * server (ChatService), a conversation handed over goes on being answered by the assistant until a person
     * claims it, and nobody claims one here.
     */
    private final class InProcessConversation implements Conversation {
        private DialogueState state = DialogueState.initial();

        @Override
        public Outcome say(String text) {
            long start = System.nanoTime();
            Turn turn = assembly.assistant().respond(state, text);
            long nanos = System.nanoTime() - start;
            state = turn.next();
            return outcome(turn, nanos, rankingOf(turn));
        }
    }

    /**
     * What the retrieval stage ranks for the turn. Recall@k measures retrieval on every question: a turn the
     * assistant decided from signals alone (a request for a person, a complaint) was not searched, so it is searched
     * here, with the same search, outside the timed turn. How the turn was answered is the reply's business.
     */
    private List<Candidate> rankingOf(Turn turn) {
        if (!turn.trace().candidates().isEmpty() || turn.trace().searchedText().isBlank()) {
            return turn.trace().candidates();
        }
        var u = turn.trace().understanding();
        return assembly.knowledge().get().search(new SearchRequest(turn.trace().searchedText(), u.aspect(),
                Optional.empty(), Assistant.TRACE_DEPTH, u.places())).candidates();
    }

    /** The full turn of the last message, for callers that need the trace (fitting, signals). */
    public Turn lastTurn(Question question) {
        DialogueState state = DialogueState.initial();
        Turn turn = null;
        for (String text : question.turns()) {
            turn = assembly.assistant().respond(state, text);
            state = turn.next();
        }
        return turn;
    }

    static Outcome outcome(Turn turn, long nanos) {
        return outcome(turn, nanos, turn.trace().candidates());
    }

    static Outcome outcome(Turn turn, long nanos, List<Candidate> ranking) {
        Reply reply = turn.reply();
        List<Outcome.Cited> citations = reply.citations().stream()
                .map(c -> new Outcome.Cited(c.id(), c.section())).toList();
        List<Outcome.Cited> ranked = new ArrayList<>();
        for (Candidate c : ranking) {
            ranked.add(new Outcome.Cited(c.passage().itemId(), c.passage().section()));
        }
        String reason = reply instanceof Reply.Handoff h ? h.reason().name().toLowerCase(java.util.Locale.ROOT) : null;
        List<Outcome.Option> options = reply.options().stream()
                .map(o -> new Outcome.Option(new Outcome.Cited(o.id(), o.section()), o.text())).toList();
        return new Outcome(reply.type().wireName(), citations, reply.confidence(), ranked, nanos, reason, options);
    }

    public AssistantAssembly assembly() {
        return assembly;
    }

    @Override
    public void close() {
        assembly.close();
    }
}
