package org.civicassist.assistant.analytics;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

/** The stored JSON form of analytics records; field names are fixed here, independent of the Java types. */
final class AnalyticsJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AnalyticsJson() {
    }

    record QuestionDocument(String at, String conversationId, String messageId, String question, String outcome,
                            String reason, String domain, String itemKey, String itemTitle, double confidence,
                            boolean followUp) {
    }

    record FeedbackDocument(String at, String conversationId, String messageId, Boolean useful, Integer rating,
                            String text) {
    }

    static String write(QuestionRecord r) {
        return JSON.writeValueAsString(new QuestionDocument(r.at().toString(), r.conversationId(), r.messageId(),
                r.question(), r.outcome().wireName(), r.reason().orElse(null), r.domain().orElse(null),
                r.itemKey().orElse(null), r.itemTitle().orElse(null), r.confidence(), r.followUp()));
    }

    static String write(FeedbackRecord r) {
        return JSON.writeValueAsString(new FeedbackDocument(r.at().toString(), r.conversationId(),
                r.messageId().orElse(null), r.useful().orElse(null), r.rating().orElse(null),
                r.maskedText().orElse(null)));
    }

    static QuestionRecord readQuestion(String json) {
        QuestionDocument d = JSON.readValue(json, QuestionDocument.class);
        return new QuestionRecord(Instant.parse(d.at()), d.conversationId(), d.messageId(), d.question(),
                Outcome.fromWireName(d.outcome()), Optional.ofNullable(d.reason()), Optional.ofNullable(d.domain()),
                Optional.ofNullable(d.itemKey()), Optional.ofNullable(d.itemTitle()), d.confidence(), d.followUp());
    }

    static FeedbackRecord readFeedback(String json) {
        FeedbackDocument d = JSON.readValue(json, FeedbackDocument.class);
        return new FeedbackRecord(Instant.parse(d.at()), d.conversationId(), Optional.ofNullable(d.messageId()),
                Optional.ofNullable(d.useful()), Optional.ofNullable(d.rating()), Optional.ofNullable(d.text()));
    }
}
