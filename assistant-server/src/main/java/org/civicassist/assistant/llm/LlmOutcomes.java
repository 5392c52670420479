package org.civicassist.assistant.llm;

/** Told how each use of the language model ended: how often it helps, is rejected, or is down (metrics). */
@FunctionalInterface
public interface LlmOutcomes {

    LlmOutcomes NONE = (use, outcome) -> {
    };

    enum Use {
        /** Writing an answer from the retrieved passages. */
        ANSWER,
        /** Restating a follow-up as a standalone question. */
        REWRITE
    }

    enum Outcome {
        /** What the model gave is what the citizen got (or what was searched for). */
        USED,
        /** The model answered, but not acceptably: ungrounded, unparseable, a doubtful rewrite. */
        REJECTED,
        /** No usable answer in time: an error, a time-out, an open circuit. */
        UNAVAILABLE
    }

    void record(Use use, Outcome outcome);
}
