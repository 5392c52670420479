package org.civicassist.assistant.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A page of live conversations, most recently updated first ({@link ConversationStore#recent}).
 *
 * @param conversations the conversations of the page, in order
 * @param next          where the next page starts, or empty when this was the last one
 */
public record ConversationPage(List<Conversation> conversations, Optional<Cursor> next) {

    public ConversationPage {
        conversations = List.copyOf(conversations);
        Objects.requireNonNull(next);
    }

    /**
     * A position in the order of last update (newest first, then id descending): the page after it starts with the
     * conversations updated before {@code updatedAtMillis}, or at the same millisecond with a smaller id. Written
     * {@code <millis>.<id>}.
     */
    public record Cursor(long updatedAtMillis, String id) {

        private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\.([A-Za-z0-9_-]{1,64})");

        public Cursor {
            Objects.requireNonNull(id);
        }

        public static Cursor of(Conversation c) {
            return new Cursor(c.updatedAt().toEpochMilli(), c.id());
        }

        /** @return empty when {@code text} is not a cursor this class wrote */
        public static Optional<Cursor> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            var m = FORM.matcher(text);
            return m.matches() ? Optional.of(new Cursor(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
        }

        /** Whether a conversation at ({@code millis}, {@code otherId}) comes after this position. */
        public boolean precedes(long millis, String otherId) {
            return millis < updatedAtMillis || (millis == updatedAtMillis && otherId.compareTo(id) < 0);
        }

        @Override
        public String toString() {
            return updatedAtMillis + "." + id;
        }
    }
}
