package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.RefusalReason;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.nlp.intent.Signal;

import java.util.List;

/** What {@link AnswerPolicy} decided to do with a message; {@link Composer} words it. */
public sealed interface Decision {

    record AnswerWith(Candidate candidate, double confidence) implements Decision {
    }

    /** Candidates from different services compete: ask which one is meant. */
    record AskToChoose(List<Candidate> options, double confidence) implements Decision {
        public AskToChoose {
            options = List.copyOf(options);
        }
    }

    /**
     * The citizen named a service and the service is sure, but not what about it: answer with the service card
     * ({@code top} is the service's best candidate).
     */
    record ServiceCard(String serviceId, Candidate top, double confidence) implements Decision {
    }

    /**
     * No item is sure enough to answer or to choose among: say so, offer the {@code nearest} items, how to ask again,
     * where else to go and a person to ask. {@code otherCity}: the question is about a place the KB does not cover.
     */
    record NotFound(List<Candidate> nearest, double confidence, boolean otherCity) implements Decision {
        public NotFound {
            nearest = List.copyOf(nearest);
        }
    }

    /** The message only tells the citizen's situation: acknowledge it and keep it as context. */
    record AcknowledgeSituation() implements Decision {
    }

    /** Nothing to search for yet: ask what the citizen wants to do. */
    record AskForQuestion() implements Decision {
    }

    record HandToStaff(HandoffReason reason, double confidence) implements Decision {
    }

    record Decline(RefusalReason reason) implements Decision {
    }

    /** A greeting, thanks or goodbye with no question in it. */
    record SmallTalk(Signal kind) implements Decision {
    }
}
