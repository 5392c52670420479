package org.civicassist.assistant.maintain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * One change of a FAQ in faq.jsonl, or of a guide's section in its guides/*.md file, as kept in the history beside the
 * KB: who made it, when, how, and the FAQ's line (or the guide file) before and after, whole, so that the previous
 * version can be restored as it was. Exactly one of {@code faq} and {@code guide} is set.
 *
 * @param id      random, URL-safe
 * @param at      ISO-8601 instant
 * @param actor   the staff username
 * @param action  {@code edit}, {@code add-similar}, {@code suggestion-accept}, {@code guide-edit} or {@code revert}
 * @param faq     the FAQ's id, for a FAQ change
 * @param before  its faq.jsonl line (the guide file's text) before the change
 * @param after   its faq.jsonl line (the guide file's text) after the change
 * @param reverts for a revert, the id of the change it undid, otherwise {@code null}
 * @param guide   the guide's id, for a guide change
 * @param file    the guide's file ({@code guides/x.md}), for a guide change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaqChange(String id, String at, String actor, String action, String faq, String before, String after,
                        String reverts, String guide, String file) {
    public FaqChange {
        Objects.requireNonNull(id);
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        if ((faq == null) == (guide == null) || (guide != null && file == null)) {
            throw new IllegalArgumentException("a change is of a FAQ or of a guide file");
        }
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
    }

    public FaqChange(String id, String at, String actor, String action, String faq, String before, String after,
                     String reverts) {
        this(id, at, actor, action, faq, before, after, reverts, null, null);
    }

    /** What was changed: the FAQ's or the guide's id. */
    public String item() {
        return faq != null ? faq : guide;
    }
}
