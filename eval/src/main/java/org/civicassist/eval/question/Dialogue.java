package org.civicassist.eval.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conversation of dialogues-dev.jsonl (../shared/eval/README.md): every turn is judged, in one conversation.
 *
 * @param id    the dialogue's id
 * @param turns the citizen's messages in order
 */
public record Dialogue(String id, List<Turn> turns) {

    /**
     * One message of a dialogue.
     *
     * @param text    what the citizen sends
     * @param expect  the KB items that answer it, best first; empty for a context turn
     * @param context the message only states the citizen's situation (or thanks): it must not be handed off
     */
    public record Turn(String text, List<String> expect, boolean context) {
        public Turn {
            Objects.requireNonNull(text);
            expect = List.copyOf(expect);
            if (context != expect.isEmpty()) {
                throw new IllegalArgumentException(context ? "a context turn expects nothing"
                        : "a turn that is not context expects an item");
            }
        }
    }

    public Dialogue {
        Objects.requireNonNull(id);
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("dialogue " + id + " has no turns");
        }
    }

    /**
     * The turn at {@code index} (0-based) as a question that the scorer judges like any other: the messages up to it,
     * the last judged, with id {@code id#n} (n 1-based); a context turn is of kind {@link Question.Kind#CONTEXT}.
     */
    public Question judgedAt(int index) {
        Turn turn = turns.get(index);
        List<String> texts = new ArrayList<>();
        turns.subList(0, index + 1).forEach(t -> texts.add(t.text()));
        return new Question(id + "#" + (index + 1), turn.context() ? Question.Kind.CONTEXT : Question.Kind.ANSWERABLE,
                texts, turn.expect(), List.of());
    }
}
