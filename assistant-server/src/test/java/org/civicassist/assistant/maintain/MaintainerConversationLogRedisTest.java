package org.civicassist.assistant.maintain;

import org.civicassist.assistant.AssistantApplication;
import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.ContactKeys;
import org.civicassist.assistant.testing.RedisServerExtension;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation log over HTTP on a server whose conversations live in a real Redis: listed newest first in pages,
 * each reply's candidates read back from Redis, a conversation deleted (the citizen's request) gone from the list.
 */
class MaintainerConversationLogRedisTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    static final String M = "/api/v1/staff/maintain";
    static ConfigurableApplicationContext context;
    static ApiClient api;

    @BeforeAll
    static void start() {
        List<String> properties = new ArrayList<>(TinyKbProperties.of(TinyKbProperties.directory()));
        properties.add("spring.data.redis.url=" + redis.url());
        properties.add("assistant.privacy.contact-key=" + ContactKeys.ofThisRun());
        properties.add("assistant.staff.bootstrap.username=admin");
        properties.add("assistant.staff.bootstrap.password=admin-password-1");
        context = new SpringApplicationBuilder(AssistantApplication.class, TestEmbedderConfiguration.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private Map<String, Object> get(String token, String uri, Object... vars) {
        return api.http().get().uri(uri, vars).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("conversations")).stream().map(m -> (String) m.get("id")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listed_newest_first_in_pages_from_redis__a_deleted_conversation_is_gone() {
        // given: three conversations
        for (String q : List.of("社保卡丢了怎么补办", "护照要多久", "补办社保卡要钱吗")) {
            api.say(api.open(), q);
        }
        String admin = api.login("admin", "admin-password-1");
        String li = api.maintainer(admin, "lijing", "李静");

        // pages of two, then one
        Map<String, Object> first = get(li, M + "/conversations?limit=2");
        Map<String, Object> second = get(li, M + "/conversations?limit=2&cursor={c}", first.get("next_cursor"));
        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(1);
        assertThat(second.get("next_cursor")).isNull();
        List<String> listed = new ArrayList<>(ids(first));
        listed.addAll(ids(second));
        // newest first (ties by id, descending), as each transcript says when it was last updated
        List<Map<String, Object>> transcripts = listed.stream().map(id -> get(li, M + "/conversations/{id}", id))
                .toList();
        assertThat(listed).containsExactlyElementsOf(transcripts.stream()
                .sorted(Comparator.comparing((Map<String, Object> t) -> Instant.parse((String) t.get("updated_at")))
                        .thenComparing(t -> (String) t.get("id")).reversed())
                .map(t -> (String) t.get("id")).toList());
        // the candidates each reply considered come back from Redis
        assertThat(transcripts).allSatisfy(t -> assertThat((List<Map<String, Object>>)
                ((List<Map<String, Object>>) t.get("messages")).get(1).get("considered")).isNotEmpty());

        // when: an administrator deletes one on the citizen's behalf
        api.http().delete().uri("/api/v1/staff/conversations/{id}", listed.get(1))
                .header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();

        // then: it is gone from the log
        assertThat(ids(get(li, M + "/conversations?limit=10"))).containsExactly(listed.get(0), listed.get(2));
    }
}
