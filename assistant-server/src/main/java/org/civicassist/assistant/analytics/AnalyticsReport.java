package org.civicassist.assistant.analytics;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/v1/admin/analytics} returns: how the assistant did over the last days, and where the knowledge
 * base falls short. Every question text in it is masked.
 *
 * @param from             first day (ISO date, in {@code zone})
 * @param to               last day, today
 * @param totals           over the whole period
 * @param byDomainAndDay   the same counts per day and domain (the domain of the best candidate)
 * @param topQuestions     the KB items answered most often
 * @param knowledgeGaps    unanswered and unhelpfully answered questions, grouped by meaning, largest group first
 * @param handoffReasons   handoffs by reason, most frequent first
 * @param badlyRated       conversations rated 1 or 2, with their questions
 * @param notUseful        replies the citizen marked as not useful (the last ones)
 * @param notUsefulByDay   how many replies were marked not useful, per day (ISO date, every day of the period)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnalyticsReport(String from, String to, String zone, Totals totals, List<DomainDay> byDomainAndDay,
                             List<TopQuestion> topQuestions, List<KnowledgeGap> knowledgeGaps,
                             List<ReasonCount> handoffReasons, List<BadlyRated> badlyRated,
                             List<NotUseful> notUseful, Map<String, Long> notUsefulByDay) {

    /**
     * @param questions      messages that were questions (small talk left out)
     * @param resolutionRate answered / questions
     * @param handoffRate    handed off / questions
     * @param averageRating  of the conversation ratings, {@code null} without any
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Totals(long questions, long answered, long clarified, long handedOff, long refused,
                         double resolutionRate, double handoffRate, long repliesMarkedUseful,
                         long repliesMarkedNotUseful, long ratings, Double averageRating) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DomainDay(String day, String domain, long questions, long answered, long clarified,
                            long handedOff, long refused, double resolutionRate, double handoffRate) {
    }

    /** @param item citation key of the KB item; @param examples the most frequent phrasings (masked) */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TopQuestion(String item, String title, String domain, long count, List<String> examples) {
    }

    /**
     * @param size           questions in the group (counting repeats)
     * @param representative its most frequent phrasing
     * @param examples       other phrasings, most frequent first
     * @param domains        domains of the best candidates, with counts
     * @param reasons        why they count as gaps ({@code clarified}, {@code low_confidence}, {@code unresolved},
     *                       {@code not_useful}), with counts
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record KnowledgeGap(long size, String representative, List<String> examples, Map<String, Long> domains,
                               Map<String, Long> reasons) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReasonCount(String reason, long count) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BadlyRated(String conversationId, String at, int rating, String comment, List<String> questions) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NotUseful(String conversationId, String at, String question, String item, String reason) {
    }
}
