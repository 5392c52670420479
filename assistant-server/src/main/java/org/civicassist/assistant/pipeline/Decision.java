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
     * The citizen requested a service without naming it and asked nothing of it (想约个号), and the service is sure:
     * offer its items ({@code options}) and take it as the conversation's service, as a card would.
     */
    record OfferService(String serviceId, List<Candidate> options, double confidence) implements Decision {
        public OfferService {
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
     * No item answers: say so and why, offer the {@code nearest} items, how to ask again, where else to go and a
     * person to ask.
     */
    record NotFound(List<Candidate> nearest, double confidence, Beyond why) implements Decision {
        public NotFound {
            nearest = List.copyOf(nearest);
        }
    }

    /** Why a question is not answered from the knowledge base. */
    enum Beyond {
        /** no item is sure enough to answer or to choose among */
        NOTHING_SURE,
        /** it asks about the rules or offices of a place the knowledge base does not cover */
        OTHER_CITY,
        /** it asks to look up or work out the citizen's own records, which the assistant cannot see */
        OWN_RECORD
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
