package org.civicassist.assistant.reply;

import java.util.Objects;

/**
 * A choice offered to the citizen with the KB item it stands for: sending {@code text} in the same conversation
 * answers with that item (API.md, clarify {@code options}).
 *
 * @param id      FAQ id or guide id
 * @param section guide section heading, or {@code null}
 * @param title   guide title, or the FAQ's question
 * @param text    what the citizen sees and sends back (the suggestion)
 */
public record Option(String id, String section, String title, String text) {
    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /** {@code id} or {@code id#section}, the citation key of the item. */
    public String key() {
        return section == null ? id : id + "#" + section;
    }
}
