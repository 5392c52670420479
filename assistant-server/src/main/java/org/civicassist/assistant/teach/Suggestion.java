package org.civicassist.assistant.teach;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A citizen's question that staff said a KB item answers, waiting for a maintainer to accept it as a similar question
 * of a FAQ (or to reject it).
 *
 * @param id             random, URL-safe
 * @param conversationId the handed-off conversation it came from
 * @param question       the citizen's question as stored (personal data already masked)
 * @param item           the citation key staff picked: a FAQ id, a guide id, or {@code guide-id#section}
 * @param faq            the FAQ the question would be added to: {@code item} when it names a FAQ, otherwise
 *                       {@code null} (a guide or a guide section has no similar questions; accepting it needs a FAQ)
 * @param suggestedBy    the staff username who closed the conversation
 * @param suggestedAt    ISO-8601 instant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(String id, @JsonProperty("conversation_id") String conversationId, String question,
                         String item, String faq, @JsonProperty("suggested_by") String suggestedBy,
                         @JsonProperty("suggested_at") String suggestedAt) {
    public Suggestion {
        Objects.requireNonNull(id);
        Objects.requireNonNull(question);
        Objects.requireNonNull(item);
        Objects.requireNonNull(suggestedAt);
    }
}
