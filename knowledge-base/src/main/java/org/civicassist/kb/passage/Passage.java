package org.civicassist.kb.passage;

import java.util.List;
import java.util.Objects;

/**
 * The unit of retrieval: a FAQ, or one chunk of a guide section, carrying what it is matched on and what it says.
 *
 * @param id        unique within the index: the FAQ id, or {@code guideId#heading#chunk}
 * @param kind      FAQ or guide section
 * @param itemId    the KB item cited for it: the FAQ id, or the guide id
 * @param section   the section heading for a guide chunk, {@code null} for a FAQ
 * @param guideId   the guide it belongs to (a FAQ's linked guide), or {@code null}
 * @param title     the guide's title, or for a FAQ without a guide its question
 * @param domain    the KB domain (社保, 公积金 …)
 * @param questions what a citizen's question is matched against: a FAQ's question and similar questions; empty for
 *                  a section
 * @param text      the content: a FAQ's answer, or the section chunk
 * @param url       link to the guide, or {@code null}
 */
public record Passage(String id, PassageKind kind, String itemId, String section, String guideId, String title,
                      String domain, List<String> questions, String text, String url) {

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(text, "text");
        questions = List.copyOf(questions);
    }

    /** The citation key as scored by the evaluation rules: the FAQ id, or {@code guideId#heading}. */
    public String citationKey() {
        return section == null ? itemId : itemId + "#" + section;
    }

    /** The service (guide) this passage is about; a FAQ without a guide is its own service. */
    public String serviceId() {
        return guideId != null ? guideId : itemId;
    }
}
