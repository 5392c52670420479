package org.civicassist.assistant.teach;

import org.civicassist.assistant.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pending suggestions in a real redis-server: kept across a new store instance and a restart of the server. */
class RedisSuggestionStoreTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void disconnect() {
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    private ReactiveStringRedisTemplate template() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.server().port()));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new ReactiveStringRedisTemplate(factory);
    }

    @Test
    void pending_suggestions_survive_a_new_instance_and_a_server_restart__and_are_removed_once() {
        Suggestion first = new Suggestion("a1", "c1", "社保卡找不着了咋整", "faq-card-lost", "faq-card-lost", "wang",
                "2026-03-09T02:00:00Z");
        Suggestion second = new Suggestion("b2", "c2", "护照材料", "guide-passport#申请材料", null, "li",
                "2026-03-09T02:05:00Z");
        RedisSuggestionStore writer = new RedisSuggestionStore(template(), "teach-test:");
        writer.add(second).block();
        writer.add(first).block();
        assertThat(writer.key()).isEqualTo("teach-test:teach:suggestions");

        // a new instance with its own connection sees them, oldest first, fields intact
        RedisSuggestionStore other = new RedisSuggestionStore(template(), "teach-test:");
        assertThat(other.pending().block()).containsExactly(first, second);
        assertThat(other.find("b2").block()).isEqualTo(second);

        // the server restarts (appendonly): still there
        redis.server().restart();
        RedisSuggestionStore afterRestart = new RedisSuggestionStore(template(), "teach-test:");
        assertThat(afterRestart.pending().block()).containsExactly(first, second);

        // removal decides once; another prefix sees nothing
        assertThat(afterRestart.remove("a1").block()).isTrue();
        assertThat(other.remove("a1").block()).isFalse();
        assertThat(afterRestart.pending().block()).containsExactly(second);
        assertThat(new RedisSuggestionStore(template(), "elsewhere:").pending().block()).isEmpty();
    }
}
