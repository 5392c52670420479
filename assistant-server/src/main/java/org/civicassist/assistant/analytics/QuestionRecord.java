package org.civicassist.assistant.analytics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One citizen message the assistant dealt with, as analytics keep it: never the raw text, only the masked form (ID
 * numbers, phone numbers and the like replaced).
 *
 * @param messageId  the transcript id of the reply, which feedback refers to
 * @param question   the citizen's message with personal data masked
 * @param reason     why it was handed off or refused ({@code low_confidence}, {@code requested} …), if it was
 * @param domain     the KB domain of the best candidate (社保, 公积金 …), if any was retrieved
 * @param itemKey    the citation key of the best candidate ({@code faq-id} or {@code guide-id#section}), if any
 * @param itemTitle  its title (with the section for a guide section)
 * @param confidence calibrated confidence of the best candidate
 */
public record QuestionRecord(Instant at, String conversationId, String messageId, String question, Outcome outcome,
                             Optional<String> reason, Optional<String> domain, Optional<String> itemKey,
                             Optional<String> itemTitle, double confidence, boolean followUp) {

    private static final Set<String> UNRESOLVED_HANDOFFS = Set.of("low_confidence", "unresolved");

    public QuestionRecord {
        Objects.requireNonNull(at);
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(question);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(itemKey);
        Objects.requireNonNull(itemTitle);
    }

    /**
     * What is kept of it once the citizen deleted the conversation: the counts (outcome, reason, domain, item,
     * confidence), no text, and a conversation id that no longer names the conversation.
     */
    public QuestionRecord anonymised(String pseudonym) {
        return new QuestionRecord(at, pseudonym, messageId, "", outcome, reason, domain, itemKey, itemTitle,
                confidence, followUp);
    }

    public QuestionRecord withQuestion(String text) {
        return new QuestionRecord(at, conversationId, messageId, text, outcome, reason, domain, itemKey, itemTitle,
                confidence, followUp);
    }

    /** The assistant could not answer: handed off for low confidence or twice unresolved, or asked to choose. */
    public boolean unanswered() {
        return outcome == Outcome.CLARIFIED
                || outcome == Outcome.HANDED_OFF && reason.filter(UNRESOLVED_HANDOFFS::contains).isPresent();
    }
}
