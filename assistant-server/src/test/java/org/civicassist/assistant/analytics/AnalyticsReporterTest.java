package org.civicassist.assistant.analytics;

import org.civicassist.assistant.analytics.AnalyticsReport.DomainDay;
import org.civicassist.assistant.analytics.AnalyticsReport.KnowledgeGap;
import org.civicassist.assistant.testing.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AnalyticsReporterTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-28 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryAnalyticsStore store = new InMemoryAnalyticsStore(Duration.ofDays(30), SHANGHAI, 1000,
            clock);
    private final AnalyticsReporter reporter = new AnalyticsReporter(store,
            new GapClusterer(new HashingEmbedder(), 0.5), SHANGHAI, clock, 100);
    private int sequence;

    private QuestionRecord question(Instant at, String conversation, String text, Outcome outcome, String reason,
                                    String domain, String item) {
        return new QuestionRecord(at, conversation, String.format("%06d", ++sequence), text, outcome,
                Optional.ofNullable(reason), Optional.ofNullable(domain), Optional.ofNullable(item),
                Optional.ofNullable(item).map(i -> "标题 " + i), outcome == Outcome.ANSWERED ? 0.9 : 0.2, false);
    }

    private QuestionRecord add(QuestionRecord r) {
        store.add(r).block();
        return r;
    }

    @Test
    void computes_resolution_and_handoff_rates_per_domain_and_day() {
        Instant today = NOW;
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        add(question(today, "c1", "社保卡怎么补办", Outcome.ANSWERED, null, "社保", "faq-card"));
        add(question(today, "c1", "社保卡补办要钱吗", Outcome.ANSWERED, null, "社保", "faq-fee"));
        add(question(today, "c2", "社保断缴了怎么办", Outcome.HANDED_OFF, "low_confidence", "社保", "guide-x#办理条件"));
        add(question(today, "c2", "转人工", Outcome.HANDED_OFF, "requested", null, null));
        add(question(today, "c3", "你好", Outcome.SMALL_TALK, null, null, null));
        add(question(yesterday, "c4", "护照要多久", Outcome.CLARIFIED, null, "出入境", "guide-passport#办理时限"));
        add(question(NOW.minus(Duration.ofDays(20)), "c5", "很久以前的问题", Outcome.ANSWERED, null, "社保", "faq-card"));

        AnalyticsReport report = reporter.report(7).block();

        assertThat(report.from()).isEqualTo("2026-11-22");
        assertThat(report.to()).isEqualTo("2026-11-28");
        assertThat(report.totals().questions()).as("small talk and older days left out").isEqualTo(5);
        assertThat(report.totals().answered()).isEqualTo(2);
        assertThat(report.totals().resolutionRate()).isEqualTo(0.4);
        assertThat(report.totals().handoffRate()).isEqualTo(0.4);
        assertThat(report.byDomainAndDay()).extracting(DomainDay::day, DomainDay::domain, DomainDay::questions,
                        DomainDay::resolutionRate, DomainDay::handoffRate)
                .containsExactly(
                        tuple("2026-11-27", "出入境", 1L, 0.0, 0.0),
                        tuple("2026-11-28", "未分类", 1L, 0.0, 1.0),
                        tuple("2026-11-28", "社保", 3L, 0.667, 0.333));
        assertThat(report.handoffReasons()).extracting(r -> r.reason() + "=" + r.count())
                .containsExactlyInAnyOrder("low_confidence=1", "requested=1");
    }

    @Test
    void counts_days_in_the_configured_zone() {
        // 2026-11-27T17:00Z is already 2026-11-28 01:00 in Shanghai
        add(question(Instant.parse("2026-11-27T17:00:00Z"), "c1", "社保卡怎么补办", Outcome.ANSWERED, null, "社保",
                "faq-card"));

        assertThat(reporter.report(1).block().byDomainAndDay()).extracting(DomainDay::day)
                .containsExactly("2026-11-28");
    }

    @Test
    void ranks_the_items_answered_most_often() {
        for (int i = 0; i < 3; i++) {
            add(question(NOW, "c" + i, "社保卡丢了怎么补办", Outcome.ANSWERED, null, "社保", "faq-card"));
        }
        add(question(NOW, "c9", "社保卡掉了咋办", Outcome.ANSWERED, null, "社保", "faq-card"));
        add(question(NOW, "c8", "护照要多久", Outcome.ANSWERED, null, "出入境", "guide-passport#办理时限"));

        AnalyticsReport report = reporter.report(7).block();

        assertThat(report.topQuestions()).extracting(t -> t.item() + ":" + t.count())
                .containsExactly("faq-card:4", "guide-passport#办理时限:1");
        assertThat(report.topQuestions().get(0).examples()).containsExactly("社保卡丢了怎么补办", "社保卡掉了咋办");
        assertThat(report.topQuestions().get(0).title()).isEqualTo("标题 faq-card");
    }

    @Test
    void groups_unanswered_and_unhelpful_questions_into_knowledge_gaps_by_meaning() {
        add(question(NOW, "c1", "新生儿医保怎么办理", Outcome.HANDED_OFF, "low_confidence", "医保", null));
        add(question(NOW, "c2", "新生儿医保怎么办理", Outcome.HANDED_OFF, "low_confidence", "医保", null));
        add(question(NOW, "c3", "新生儿医保如何办理", Outcome.CLARIFIED, null, "医保", "guide-a#x"));
        add(question(NOW, "c4", "电动车上牌去哪里", Outcome.HANDED_OFF, "unresolved", "交通", null));
        QuestionRecord answeredBadly = add(question(NOW, "c5", "新生儿医保办理流程", Outcome.ANSWERED, null, "医保",
                "guide-b#办理流程"));
        add(question(NOW, "c6", "转人工", Outcome.HANDED_OFF, "requested", null, null));
        store.add(new FeedbackRecord(NOW, "c5", Optional.of(answeredBadly.messageId()), Optional.of(false),
                Optional.empty(), Optional.of("没用"))).block();

        AnalyticsReport report = reporter.report(7).block();

        assertThat(report.knowledgeGaps()).extracting(KnowledgeGap::size, KnowledgeGap::representative)
                .containsExactly(tuple(4L, "新生儿医保怎么办理"), tuple(1L, "电动车上牌去哪里"));
        KnowledgeGap first = report.knowledgeGaps().get(0);
        assertThat(first.examples()).containsExactlyInAnyOrder("新生儿医保如何办理", "新生儿医保办理流程");
        assertThat(first.reasons()).containsEntry("low_confidence", 2L).containsEntry("clarified", 1L)
                .containsEntry("not_useful", 1L);
        assertThat(first.domains()).containsEntry("医保", 4L);
        assertThat(report.notUseful()).singleElement().satisfies(n -> {
            assertThat(n.question()).isEqualTo("新生儿医保办理流程");
            assertThat(n.item()).isEqualTo("guide-b#办理流程");
            assertThat(n.reason()).isEqualTo("没用");
        });
        assertThat(report.totals().repliesMarkedNotUseful()).isEqualTo(1);
    }

    @Test
    void lists_badly_rated_conversations_with_their_questions() {
        add(question(NOW, "c1", "公积金怎么提取", Outcome.ANSWERED, null, "公积金", "faq-gjj"));
        add(question(NOW, "c1", "那要多久", Outcome.ANSWERED, null, "公积金", "guide-gjj#办理时限"));
        store.add(new FeedbackRecord(NOW, "c1", Optional.empty(), Optional.empty(), Optional.of(2),
                Optional.of("太慢"))).block();
        store.add(new FeedbackRecord(NOW, "c2", Optional.empty(), Optional.empty(), Optional.of(5),
                Optional.empty())).block();

        AnalyticsReport report = reporter.report(7).block();

        assertThat(report.badlyRated()).singleElement().satisfies(b -> {
            assertThat(b.conversationId()).isEqualTo("c1");
            assertThat(b.rating()).isEqualTo(2);
            assertThat(b.comment()).isEqualTo("太慢");
            assertThat(b.questions()).containsExactly("公积金怎么提取", "那要多久");
        });
        assertThat(report.totals().ratings()).isEqualTo(2);
        assertThat(report.totals().averageRating()).isEqualTo(3.5);
    }

    @Test
    void an_empty_period_gives_an_empty_report() {
        AnalyticsReport report = reporter.report(7).block();

        assertThat(report.totals().questions()).isZero();
        assertThat(report.totals().resolutionRate()).isZero();
        assertThat(report.totals().averageRating()).isNull();
        assertThat(report.knowledgeGaps()).isEmpty();
        assertThat(report.topQuestions()).isEmpty();
    }
}
