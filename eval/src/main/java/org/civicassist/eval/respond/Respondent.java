package org.civicassist.eval.respond;

import org.civicassist.eval.question.Question;

import java.util.List;

/** Something that answers evaluation questions: the assistant in process, over HTTP, or a baseline. */
public interface Respondent extends AutoCloseable {

    String name();

    /**
     * A fresh conversation. Questions are asked in one, and a conversation stays open after the judged turn so that
     * the evaluation can answer a clarify reply by sending one of its options, as a citizen clicking it would.
     */
    Conversation open();

    /** Asks every turn of the question in a fresh conversation and returns the outcome of the last. */
    default Outcome ask(Question question) {
        return open().sayAll(question.turns());
    }

    @Override
    default void close() {
    }

    /** One conversation with the respondent: each message is a turn, answered in the context of the earlier ones. */
    interface Conversation {

        /** Sends one message and returns the reply to it. */
        Outcome say(String text);

        /** Sends the messages in order and returns the reply to the last. */
        default Outcome sayAll(List<String> texts) {
            Outcome last = null;
            for (String text : texts) {
                last = say(text);
            }
            return last;
        }
    }
}
