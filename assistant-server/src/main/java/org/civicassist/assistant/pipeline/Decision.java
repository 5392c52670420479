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
