package org.civicassist.assistant.pipeline;

import org.civicassist.kb.rank.Candidate;
import org.civicassist.nlp.Understanding;

import java.util.List;

/**
 * How a reply came about, for staff (the candidates the bot considered), evaluation (retrieval ranks) and logs.
 * Holds the citizen's raw text only inside {@link Understanding}; log {@link Understanding#masked()} only.
 *
 * @param understanding what the nlp stage made of the message
 * @param searchedText  the text retrieval searched with (after follow-up resolution)
 * @param followUp      whether the message was read as a follow-up of the conversation's topic
 * @param candidates    ranked candidates, best first (empty when retrieval was not needed)
 * @param confidence    calibrated probability that the first candidate is right
 * @param foreignPlace  the question names a place the knowledge base never mentions
 * @param elapsedNanos  time spent in the pipeline
 */
public record TurnTrace(Understanding understanding, String searchedText, boolean followUp,
                        List<Candidate> candidates, double confidence, boolean foreignPlace, long elapsedNanos) {
    public TurnTrace {
        candidates = List.copyOf(candidates);
    }
}
