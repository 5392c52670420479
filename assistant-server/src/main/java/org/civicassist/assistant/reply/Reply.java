package org.civicassist.assistant.reply;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant says back: one of four kinds, each with its text, citations, calibrated confidence and
 * suggested next questions.
 */
public sealed interface Reply permits Reply.Answer, Reply.Clarify, Reply.Handoff, Reply.Refuse {

    ReplyType type();

    String text();

    List<Citation> citations();

    double confidence();

    List<String> suggestions();

    /** The suggestions that stand for a KB item, in the order of {@link #suggestions()}; sending one answers it. */
    default List<Option> options() {
        return List.of();
    }

    /**
     * Answered from the knowledge base; {@code citations.get(0)} is the item the answer comes from. A service card
     * (the answer to a bare service name) offers the guide's sections as {@code options}.
     */
    record Answer(String text, List<Citation> citations, double confidence, List<String> suggestions,
                  List<Option> options) implements Reply {
        public Answer {
            Objects.requireNonNull(text);
            citations = List.copyOf(citations);
            suggestions = List.copyOf(suggestions);
            options = List.copyOf(options);
            if (citations.isEmpty()) {
                throw new IllegalArgumentException("an answer cites the item it comes from");
            }
        }

        public Answer(String text, List<Citation> citations, double confidence, List<String> suggestions) {
            this(text, citations, confidence, suggestions, List.of());
        }

        @Override
        public ReplyType type() {
            return ReplyType.ANSWER;
        }
    }

    /**
     * The question is ambiguous (or there is no question yet): {@code text} asks, suggestions offer choices; those
     * that stand for a KB item are also {@code options}.
     */
    record Clarify(String text, double confidence, List<String> suggestions, List<Option> options) implements Reply {
        public Clarify {
            Objects.requireNonNull(text);
            suggestions = List.copyOf(suggestions);
            options = List.copyOf(options);
        }

        public Clarify(String text, double confidence, List<String> suggestions) {
            this(text, confidence, suggestions, List.of());
        }

        @Override
        public ReplyType type() {
            return ReplyType.CLARIFY;
        }

        @Override
        public List<Citation> citations() {
            return List.of();
        }
    }

    /** Handed to human staff (or, out of hours, a message was taken). Nothing from the KB is asserted. */
    record Handoff(String text, HandoffReason reason, double confidence, List<String> suggestions) implements Reply {
        public Handoff {
            Objects.requireNonNull(text);
            Objects.requireNonNull(reason);
            suggestions = List.copyOf(suggestions);
        }

        @Override
        public ReplyType type() {
            return ReplyType.HANDOFF;
        }

        @Override
        public List<Citation> citations() {
            return List.of();
        }
    }

    /** Declined politely, saying where to go instead. */
    record Refuse(String text, RefusalReason reason, List<String> suggestions) implements Reply {
        public Refuse {
            Objects.requireNonNull(text);
            Objects.requireNonNull(reason);
            suggestions = List.copyOf(suggestions);
        }

        @Override
        public ReplyType type() {
            return ReplyType.REFUSE;
        }

        @Override
        public List<Citation> citations() {
            return List.of();
        }

        @Override
        public double confidence() {
            return 1.0;
        }
    }
}
