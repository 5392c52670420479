package org.civicassist.eval.run;

import org.civicassist.eval.question.Question;

/** Something that answers evaluation questions: the assistant in process, over HTTP, or a baseline. */
public interface Respondent extends AutoCloseable {

    String name();

    /** Asks every turn of the question in a fresh conversation and returns the outcome of the last. */
    Outcome ask(Question question);

    @Override
    default void close() {
    }
}
