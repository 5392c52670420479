package org.civicassist.assistant.handoff;

import org.civicassist.assistant.AssistantApplication;
import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.RedisServerExtension;
import org.civicassist.assistant.testing.SseRecorder;
import org.civicassist.assistant.testing.TestEmbedderConfiguration;
import org.civicassist.assistant.testing.TinyKbProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on one real Redis: the queue, the claim, accounts, sessions and the live relay are shared, so
 * a citizen on instance A and a staff member on instance B talk to each other live.
 */
class TwoServersHandoffTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final List<ConfigurableApplicationContext> running = new ArrayList<>();
    static ApiClient a;
    static ApiClient b;

    @BeforeAll
    static void startTwoServers() {
        Path kb = TinyKbProperties.directory();
        a = new ApiClient(port(start(kb)));
        b = new ApiClient(port(start(kb)));
    }

    @AfterAll
    static void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    static ConfigurableApplicationContext start(Path kb) {
        List<String> properties = new ArrayList<>(TinyKbProperties.of(kb));
        properties.add("spring.data.redis.url=" + redis.url());
        properties.add("assistant.privacy.contact-key=" + org.civicassist.assistant.testing.ContactKeys.ofThisRun());
        properties.add("assistant.handoff.office-hours.always-open=true");
        properties.add("assistant.handoff.heartbeat=1s");
        properties.add("assistant.staff.bootstrap.username=" + ADMIN);
        properties.add("assistant.staff.bootstrap.password=" + ADMIN_PASSWORD);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AssistantApplication.class,
                TestEmbedderConfiguration.class).run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        running.add(context);
        return context;
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void a_citizen_on_a_is_handed_off__staff_on_b_claims_and_replies__the_citizen_hears_it_live__and_rates() {
        // given: the citizen talks to A and listens to A
        Citizen c = a.open();
        assertThat(a.say(c, "补办社保卡要钱吗").get("type")).isEqualTo("answer");
        // accounts made on A log in on B
        String wang = b.staff(a.login(ADMIN, ADMIN_PASSWORD), "wang", "王芳");
        try (SseRecorder staff = SseRecorder.listen(b.baseUrl(), "/api/v1/staff/events?token=" + b.eventsTicket(wang));
             SseRecorder citizen = SseRecorder.listen(a.baseUrl(),
                     "/api/v1/conversations/" + c.id() + "/events?token=" + c.token())) {

            // when: handed off on A
            assertThat(a.handoff(c).get("type")).isEqualTo("handoff");

            // then: B's staff hear of it and see it in B's queue
            staff.await("queue", "conversation_id", c.id());
            assertThat(b.queue(wang)).extracting(q -> q.get("conversation_id")).contains(c.id());

            // staff on B claim and reply; the citizen on A hears both live
            b.staffPost(wang, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk();
            citizen.await("state", "state", "with_staff");
            b.staffPost(wang, "/api/v1/staff/conversations/{id}/messages", Map.of("text", "您好，工本费 20 元。"),
                    c.id()).expectStatus().isCreated();
            assertThat(citizen.await("message", "text", "您好，工本费 20 元。").data())
                    .containsEntry("author", "staff").containsEntry("staff_name", "王芳");

            // the citizen's answer on A reaches B's staff
            a.say(c, "明白了，谢谢");
            staff.await("message", "text", "明白了，谢谢");

            // B closes; A's citizen sees it and rates on A
            b.staffPost(wang, "/api/v1/staff/conversations/{id}/close", Map.of("note", "已答复"), c.id())
                    .expectStatus().isOk();
            citizen.await("state", "state", "closed");
        }
        assertThat(a.conversation(c).get("state")).isEqualTo("closed");
        a.http().post().uri("/api/v1/conversations/{id}/feedback", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", 4)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void two_staff_members_on_two_servers_claim_the_same_conversation_at_once__exactly_one_wins() throws Exception {
        String admin = a.login(ADMIN, ADMIN_PASSWORD);
        String zhang = a.staff(admin, "zhang", "张伟");
        String liu = b.staff(admin, "liu.yang", "刘洋");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Citizen c = a.open();
                a.handoff(c);
                CountDownLatch go = new CountDownLatch(1);
                Callable<Integer> byZhang = () -> {
                    go.await();
                    return claimStatus(a, zhang, c.id());
                };
                Callable<Integer> byLiu = () -> {
                    go.await();
                    return claimStatus(b, liu, c.id());
                };
                Future<Integer> first = pool.submit(byZhang);
                Future<Integer> second = pool.submit(byLiu);
                go.countDown();

                assertThat(List.of(first.get(), second.get())).as("round " + round)
                        .containsExactlyInAnyOrder(200, 409);
                String winner = first.get() == 200 ? "zhang" : "liu.yang";
                b.http().get().uri("/api/v1/staff/conversations/{id}", c.id())
                        .header("Authorization", "Bearer " + liu).exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.staff").isEqualTo(winner)
                        .jsonPath("$.messages[?(@.author == 'system')].text").value(texts ->
                                assertThat((List<String>) texts).hasSize(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int claimStatus(ApiClient server, String token, String id) {
        return server.http().post().uri("/api/v1/staff/conversations/{id}/claim", id)
                .header("Authorization", "Bearer " + token).exchange().returnResult(Void.class).getStatus().value();
    }
}
