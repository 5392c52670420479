package org.civicassist.assistant.maintain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * One change of a FAQ in faq.jsonl, as kept in the history beside the KB: who made it, when, how, and the FAQ's line
 * before and after (the whole line, so that the previous version can be restored as it was).
 *
 * @param id      random, URL-safe
 * @param at      ISO-8601 instant
 * @param actor   the staff username
 * @param action  {@code edit}, {@code add-similar}, {@code suggestion-accept} or {@code revert}
 * @param faq     the FAQ's id
 * @param before  its faq.jsonl line before the change
 * @param after   its faq.jsonl line after the change
 * @param reverts for a revert, the id of the change it undid, otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaqChange(String id, String at, String actor, String action, String faq, String before, String after,
                        String reverts) {
    public FaqChange {
        Objects.requireNonNull(id);
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        Objects.requireNonNull(faq);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
    }
}
