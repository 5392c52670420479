package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.Reply;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.rank.Candidate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Part of step 7 of {@link Assistant}, for answers only: words the answer from the retrieved passages instead of
 * quoting the first one. Optional: {@link #EXTRACTIVE} writes nothing, and whenever an implementation returns empty
 * (it failed, timed out, or what it wrote did not pass its checks) the citizen gets the extractive answer.
 * <p>
 * A written answer keeps the extractive answer's first citation (the item the decision chose) as its own first
 * citation, and cites nothing but retrieved candidates.
 */
public interface AnswerWriter {

    /** Writes nothing: answers stay extractive. */
    AnswerWriter EXTRACTIVE = request -> Optional.empty();

    /**
     * @param message    the citizen's message with personal data masked
     * @param question   the standalone question that was searched for (after follow-up resolution and rewriting)
     * @param candidates the retrieved candidates, best first; the first is the one the decision chose
     * @param extractive the answer composed from the first candidate, the fallback
     * @param kb         the knowledge base the candidates come from (for whole guide sections)
     */
    record Request(String message, String question, List<Candidate> candidates, Reply.Answer extractive,
                   KnowledgeBase kb) {
        public Request {
            Objects.requireNonNull(message);
            Objects.requireNonNull(question);
            Objects.requireNonNull(extractive);
            Objects.requireNonNull(kb);
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("an answer rests on at least one candidate");
            }
        }
    }

    /** The written answer, or empty for the extractive one. */
    Optional<Reply.Answer> write(Request request);

    /**
     * The same, streamed: each piece of the written text goes to {@code shown} as soon as it has been checked, in
     * order. When the result is present its text is exactly the pieces joined; when it is empty, whatever was shown
     * must be replaced by the extractive answer. By default the whole text is shown at once.
     */
    default Optional<Reply.Answer> write(Request request, Consumer<String> shown) {
        Optional<Reply.Answer> written = write(request);
        written.ifPresent(answer -> shown.accept(answer.text()));
        return written;
    }
}
