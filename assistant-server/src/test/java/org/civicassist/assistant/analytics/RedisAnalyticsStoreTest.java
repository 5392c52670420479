package org.civicassist.assistant.analytics;

import org.civicassist.assistant.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAnalyticsStoreTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private LettuceConnectionFactory factory;

    @AfterEach
    void disconnect() {
        factory.destroy();
    }

    private ReactiveStringRedisTemplate template() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.server().port()));
        factory.afterPropertiesSet();
        factory.start();
        return new ReactiveStringRedisTemplate(factory);
    }

    @Test
    void keeps_records_by_day_with_an_expiry__readable_by_another_instance() {
        ReactiveStringRedisTemplate template = template();
        RedisAnalyticsStore writer = new RedisAnalyticsStore(template, "t1:", Duration.ofDays(30), SHANGHAI);
        RedisAnalyticsStore reader = new RedisAnalyticsStore(template, "t1:", Duration.ofDays(30), SHANGHAI);
        Instant day1 = Instant.parse("2026-11-27T03:00:00Z");
        Instant day2 = Instant.parse("2026-11-28T03:00:00Z");
        QuestionRecord q1 = new QuestionRecord(day1, "c1", "000002", "电话***********", Outcome.HANDED_OFF,
                Optional.of("low_confidence"), Optional.of("社保"), Optional.empty(), Optional.empty(), 0.12, false);
        QuestionRecord q2 = new QuestionRecord(day2, "c2", "000004", "护照要多久", Outcome.ANSWERED, Optional.empty(),
                Optional.of("出入境"), Optional.of("guide-passport#办理时限"), Optional.of("普通护照签发 · 办理时限"), 0.91,
                true);
        FeedbackRecord f = new FeedbackRecord(day2, "c2", Optional.of("000004"), Optional.of(false), Optional.empty(),
                Optional.of("没用"));

        writer.add(q1).block();
        writer.add(q2).block();
        writer.add(f).block();

        assertThat(reader.questions(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28)).collectList().block())
                .containsExactly(q1, q2);
        assertThat(reader.questions(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28)).collectList().block())
                .containsExactly(q2);
        assertThat(reader.feedback(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)).collectList().block())
                .isEqualTo(List.of(f));
        Duration ttl = template.getExpire("t1:analytics:questions:2026-11-28").block();
        assertThat(ttl).isBetween(Duration.ofDays(30), Duration.ofDays(31));
    }
}
