package org.civicassist.assistant.reply;

import java.util.Objects;

/**
 * The KB item a reply rests on: a FAQ (section {@code null}) or a section of a guide.
 *
 * @param id      FAQ id or guide id
 * @param title   guide title, or the FAQ's question
 * @param section guide section heading, or {@code null}
 * @param url     link to the guide, or {@code null}
 */
public record Citation(String id, String title, String section, String url) {
    public Citation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }

    /** {@code id} or {@code id#section}, the form used by evaluation files. */
    public String key() {
        return section == null ? id : id + "#" + section;
    }
}
