package org.civicassist.assistant.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON shapes of {@code POST /api/v1/conversations/{id}/feedback}. */
public final class FeedbackDtos {

    private FeedbackDtos() {
    }

    /**
     * Either feedback on one reply ({@code message_id} and {@code useful}, optional {@code reason}) or a rating of
     * the conversation ({@code rating} 1-5, optional {@code comment}); never both in one request.
     */
    public record FeedbackRequest(@JsonProperty("message_id") String messageId, Boolean useful, String reason,
                                  Double rating, String comment) {
    }

    /** What was recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedbackReceipt(String recorded, @JsonProperty("message_id") String messageId, Boolean useful,
                                  Integer rating, @JsonProperty("rating_label") String ratingLabel) {

        static FeedbackReceipt reply(String messageId, boolean useful) {
            return new FeedbackReceipt("reply", messageId, useful, null, null);
        }

        static FeedbackReceipt conversation(int rating, String label) {
            return new FeedbackReceipt("conversation", null, null, rating, label);
        }
    }
}
