package org.civicassist.eval.run;

import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.pipeline.Turn;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.eval.question.Question;
import org.civicassist.kb.rank.Candidate;

import java.util.ArrayList;
import java.util.List;

/**
 * The assistant in this JVM, built by {@link AssistantAssembly} exactly as the server builds it; each question is a
 * fresh conversation whose dialogue state carries from turn to turn.
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
    public Outcome ask(Question question) {
        DialogueState state = DialogueState.initial();
        Turn turn = null;
        long nanos = 0;
        for (String text : question.turns()) {
            if (turn != null && turn.reply() instanceof Reply.Handoff) {
                // as on the server (ChatService): once handed to people, the citizen's messages go to them
                return new Outcome(turn.reply().type().wireName(), List.of(), 1.0, List.of(), nanos, "forwarded");
            }
            long start = System.nanoTime();
            turn = assembly.assistant().respond(state, text);
            nanos = System.nanoTime() - start;
            state = turn.next();
        }
        return outcome(turn, nanos);
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
        Reply reply = turn.reply();
        List<Outcome.Cited> citations = reply.citations().stream()
                .map(c -> new Outcome.Cited(c.id(), c.section())).toList();
        List<Outcome.Cited> ranked = new ArrayList<>();
        for (Candidate c : turn.trace().candidates()) {
            ranked.add(new Outcome.Cited(c.passage().itemId(), c.passage().section()));
        }
        String reason = reply instanceof Reply.Handoff h ? h.reason().name().toLowerCase(java.util.Locale.ROOT) : null;
        return new Outcome(reply.type().wireName(), citations, reply.confidence(), ranked, nanos, reason);
    }

    public AssistantAssembly assembly() {
        return assembly;
    }

    @Override
    public void close() {
        assembly.close();
    }
}
