package org.civicassist.assistant.privacy;

import org.civicassist.assistant.analytics.FeedbackRecord;
import org.civicassist.assistant.analytics.InMemoryAnalyticsStore;
import org.civicassist.assistant.analytics.Outcome;
import org.civicassist.assistant.analytics.QuestionRecord;
import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.InMemoryAuditLog;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationMaintenance;
import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.security.InMemoryStaffSessions;
import org.civicassist.assistant.security.Role;
import org.civicassist.assistant.security.StaffAccount;
import org.civicassist.assistant.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One policy says how long each kind of data lives; in memory the periodic sweep enforces it. */
class RetentionPolicyTest {

    static final Instant T0 = Instant.parse("2026-03-09T02:00:00Z");

    @Test
    void every_kind_of_data_has_a_safe_default_and_its_own_setting() {
        RetentionPolicy defaults = bind(Map.of());
        assertThat(defaults).isEqualTo(RetentionPolicy.defaults());
        assertThat(defaults.conversations()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.contacts()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.audit()).isEqualTo(Duration.ofDays(365));

        RetentionPolicy set = bind(Map.of("assistant.retention.contacts", "2d", "assistant.retention.feedback", "30d",
                "assistant.retention.staff-sessions", "4h"));
        assertThat(set.contacts()).isEqualTo(Duration.ofDays(2));
        assertThat(set.feedback()).isEqualTo(Duration.ofDays(30));
        assertThat(set.staffSessions()).isEqualTo(Duration.ofHours(4));
        assertThat(set.contactsWhileOpen()).isEqualTo(Duration.ofDays(16));
    }

    @Test
    void a_zero_or_negative_period_is_refused_at_start() {
        assertThatThrownBy(() -> bind(Map.of("assistant.retention.audit", "0s")))
                .hasStackTraceContaining("assistant.retention.audit must be a positive duration");
    }

    @Test
    void the_sweep_drops_what_is_past_its_period_in_memory_and_keeps_the_rest() {
        MutableClock clock = new MutableClock(T0);
        RetentionPolicy policy = RetentionPolicy.defaults();
        InMemoryConversationStore conversations = new InMemoryConversationStore(policy.conversationRetention(),
                clock);
        InMemoryContactStore contacts = new InMemoryContactStore(clock);
        InMemoryAuditLog audit = new InMemoryAuditLog(1000, policy.audit(), clock);
        InMemoryAnalyticsStore analytics = new InMemoryAnalyticsStore(policy.analytics(), policy.feedback(),
                ZoneOffset.UTC, 100, clock);
        InMemoryStaffSessions sessions = new InMemoryStaffSessions(policy.staffSessions(), Duration.ofMinutes(1),
                clock);
        ConversationMaintenance maintenance = new ConversationMaintenance(conversations, counts -> {
        }, List.of(conversations, contacts, audit, analytics, sessions));

        conversations.create(Conversation.start("c1", "h", "web", "zh-CN", T0)).block();
        contacts.keep("c1", "13800000000", policy.contactsWhileOpen()).block();
        contacts.keep("c2", "13900000000", policy.contactsWhileOpen()).block();
        contacts.expireIn("c2", policy.contacts()).block(); // closed: the grace period only
        audit.record(new AuditEntry(T0, "wang", "view", "c1", null)).block();
        analytics.add(question("c1", T0)).block();
        analytics.add(new FeedbackRecord(T0, "c1", Optional.of("000002"), Optional.of(true), Optional.empty(),
                Optional.empty())).block();
        String token = sessions.login(new StaffAccount("wang", "王芳", "hash", Set.of(Role.STAFF), T0, true)).block()
                .token();

        clock.advance(Duration.ofHours(25));
        maintenance.run();
        assertThat(conversations.find("c1").block()).as("an idle conversation after 24 h").isNull();
        assertThat(sessions.resolve(token).block()).as("a login after 8 h").isNull();
        assertThat(contacts.find("c1").block()).as("an open conversation's contact").isNotNull();

        clock.advance(Duration.ofDays(7));
        maintenance.run();
        assertThat(contacts.find("c2").block()).as("a closed conversation's contact after the grace").isNull();
        assertThat(contacts.find("c1").block()).isNotNull();

        clock.advance(Duration.ofDays(90));
        maintenance.run();
        LocalDate day = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        assertThat(analytics.questions(day, day).collectList().block()).as("questions after 90 days").isEmpty();
        assertThat(analytics.feedback(day, day).collectList().block()).as("feedback after 90 days").isEmpty();
        assertThat(contacts.find("c1").block()).as("any contact after handed-off + grace").isNull();
        assertThat(audit.recent(10).block()).as("audit entries within a year").hasSize(1);

        clock.advance(Duration.ofDays(300));
        maintenance.run();
        assertThat(audit.recent(10).block()).as("audit entries after a year").isEmpty();
    }

    @Test
    void forgetting_a_conversation_keeps_its_counts_without_text_or_its_id() {
        InMemoryAnalyticsStore analytics = new InMemoryAnalyticsStore(Duration.ofDays(90), ZoneOffset.UTC, 100,
                new MutableClock(T0));
        analytics.add(question("c1", T0)).block();
        analytics.add(question("c2", T0)).block();
        analytics.add(new FeedbackRecord(T0, "c1", Optional.empty(), Optional.empty(), Optional.of(2),
                Optional.of("太慢了 我在东门"))).block();
        LocalDate day = LocalDate.ofInstant(T0, ZoneOffset.UTC);

        assertThat(analytics.forget("c1", day, day).block()).isEqualTo(2);

        List<QuestionRecord> questions = analytics.questions(day, day).collectList().block();
        assertThat(questions).hasSize(2).extracting(QuestionRecord::conversationId).doesNotContain("c1");
        assertThat(questions).filteredOn(q -> q.question().isEmpty()).singleElement()
                .satisfies(q -> assertThat(q.outcome()).isEqualTo(Outcome.ANSWERED));
        assertThat(analytics.feedback(day, day).collectList().block()).singleElement()
                .satisfies(f -> {
                    assertThat(f.rating()).contains(2);
                    assertThat(f.maskedText()).isEmpty();
                    assertThat(f.conversationId()).isNotEqualTo("c1");
                });
    }

    private static QuestionRecord question(String conversation, Instant at) {
        return new QuestionRecord(at, conversation, "000002", "社保卡丢了 我住东门", Outcome.ANSWERED, Optional.empty(),
                Optional.of("社保"), Optional.of("faq-card-lost"), Optional.of("社保卡丢了怎么补办？"), 0.9, false);
    }

    private static RetentionPolicy bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("assistant.retention", RetentionPolicy.class);
    }
}
