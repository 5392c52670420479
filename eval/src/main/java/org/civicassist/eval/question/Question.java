package org.civicassist.eval.question;

import java.util.List;
import java.util.Objects;

/**
 * One evaluation question (see ../shared/eval/README.md): its turns (one for a single question; earlier turns set
 * the context and only the last is judged), its kind, the KB items that answer it best first, and for an
 * out-of-scope question the citations that are nevertheless acceptable.
 */
public record Question(String id, Kind kind, List<String> turns, List<String> expect, List<String> accept) {

    /**
     * ANSWERABLE, OUT_OF_SCOPE and HUMAN as in question files; CONTEXT is a dialogue turn that only states the
     * citizen's situation (or thanks), judged on being kept, not handed off ({@link Dialogue#judgedAt}).
     */
    public enum Kind { ANSWERABLE, OUT_OF_SCOPE, HUMAN, CONTEXT }

    public Question {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        turns = List.copyOf(turns);
        expect = List.copyOf(expect);
        accept = List.copyOf(accept);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("question " + id + " has no text");
        }
    }

    public boolean multiTurn() {
        return turns.size() > 1;
    }

    public String lastTurn() {
        return turns.get(turns.size() - 1);
    }

    /** Whether a citation (FAQ id, guide id, guide id and section) matches one of {@code items}. */
    public static boolean matches(List<String> items, String citationId, String section) {
        for (String item : items) {
            if (item.equals(citationId)) {
                return true; // a FAQ, or a guide given without section: any section of it answers
            }
            if (section != null && item.equals(citationId + "#" + section)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an offered option (FAQ id, or guide id and section or {@code null}) names one of {@code items}: it
     * {@link #matches} one, or it is the guide of an expected section (README, resolved within one click).
     */
    public static boolean namedBy(List<String> items, String optionId, String optionSection) {
        return matches(items, optionId, optionSection)
                || optionSection == null && items.stream().anyMatch(item -> item.startsWith(optionId + "#"));
    }
}
