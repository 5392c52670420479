package org.civicassist.assistant.handoff;

import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.civicassist.assistant.testing.SseRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handoff end to end on one server (in-memory queue and events), over real HTTP: the citizen is handed to a person,
 * a staff member claims, replies and closes, the citizen follows it live on the event stream and rates.
 */
class HandoffFlowTest extends HandoffApplicationTestBase {

    private Map<String, Object> queued(String staffToken, Citizen c) {
        return api.queue(staffToken).stream().filter(q -> c.id().equals(q.get("conversation_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("conversation not in the queue"));
    }

    @Test
    void asking_for_a_person__staff_claims_replies_and_closes__the_citizen_follows_live_and_rates() {
        // given: an answered question, then the 转人工 button
        Citizen c = api.open();
        Map<String, Object> answer = api.say(c, "补办社保卡要钱吗");
        assertThat(answer.get("type")).isEqualTo("answer");
        Map<String, Object> handoff = api.handoff(c);
        assertThat(handoff.get("type")).isEqualTo("handoff");
        assertThat(api.conversation(c).get("state")).isEqualTo("waiting");

        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        String wang = api.staff(admin, "wang", "王芳");
        try (SseRecorder citizen = SseRecorder.listen(api.baseUrl(),
                "/api/v1/conversations/" + c.id() + "/events?token=" + c.token());
             SseRecorder staff = SseRecorder.listen(api.baseUrl(),
                     "/api/v1/staff/events?token=" + api.eventsTicket(wang))) {
            citizen.await("state", "state", "waiting");

            // then: the queue shows why, the question before the request and what the answer rested on
            Map<String, Object> item = queued(wang, c);
            assertThat(item).containsEntry("reason", "requested").containsEntry("question", "补办社保卡要钱吗")
                    .containsEntry("state", "waiting").containsKeys("waiting_seconds", "queue_position");
            assertThat((List<Map<String, Object>>) item.get("candidates"))
                    .extracting(k -> k.get("key")).contains("faq-card-fee");

            // when: wang claims it
            api.staffPost(wang, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk()
                    .expectBody().jsonPath("$.state").isEqualTo("with_staff").jsonPath("$.staff").isEqualTo("wang");
            citizen.await("state", "staff_name", "王芳");
            citizen.await("message", "text", "工作人员王芳已接入，正在为您服务。");
            staff.await("claimed", "conversation_id", c.id());
            assertThat(api.conversation(c).get("state")).isEqualTo("with_staff");
            assertThat(api.queue(wang)).extracting(q -> q.get("conversation_id")).doesNotContain(c.id());

            // and replies: the citizen receives it live
            api.staffPost(wang, "/api/v1/staff/conversations/{id}/messages",
                            Map.of("text", "您好，遗失补卡工本费 20 元。"), c.id())
                    .expectStatus().isCreated().expectBody().jsonPath("$.author").isEqualTo("staff");
            var reply = citizen.await("message", "text", "您好，遗失补卡工本费 20 元。");
            assertThat(reply.data()).containsEntry("author", "staff").containsEntry("staff_name", "王芳");
            assertThat(reply.id()).isNotBlank();

            // the citizen answers: it goes to wang, not to the assistant
            Map<String, Object> forwarded = api.say(c, "好的，谢谢");
            assertThat(forwarded.get("type")).isEqualTo("handoff");
            assertThat((String) forwarded.get("text")).contains("王芳");
            staff.await("message", "text", "好的，谢谢");

            // wang closes it
            api.staffPost(wang, "/api/v1/staff/conversations/{id}/close", Map.of("note", "已答复工本费"), c.id())
                    .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("closed")
                    .jsonPath("$.resolution").isEqualTo("已答复工本费");
            citizen.await("state", "state", "closed");
            staff.await("closed", "conversation_id", c.id());
        }

        // then: closed for messages, open for a rating
        assertThat(api.conversation(c).get("state")).isEqualTo("closed");
        api.http().post().uri("/api/v1/conversations/{id}/messages", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "还在吗")).exchange()
                .expectStatus().isEqualTo(409);
        api.http().post().uri("/api/v1/conversations/{id}/feedback", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", 5)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.rating").isEqualTo(5);

        // and every step is audited
        List<Map<String, Object>> audit = api.http().get().uri("/api/v1/staff/audit?limit=50")
                .header("Authorization", "Bearer " + api.login(ADMIN, ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(ApiClient.JSON_LIST).returnResult().getResponseBody();
        assertThat(audit).filteredOn(a -> c.id().equals(a.get("target")))
                .extracting(a -> a.get("actor") + ":" + a.get("action"))
                .contains("wang:claim", "wang:reply", "wang:close");
        assertThat(audit.toString()).doesNotContain("工本费");
    }

    @Test
    void a_citizen_waiting_for_a_person_is_still_answered__and_can_cancel_the_request() {
        // given: a conversation waiting for a person nobody has claimed yet
        Citizen c = api.open();
        api.handoff(c);
        String staff = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "zhao.lei", "赵磊");
        assertThat(queued(staff, c)).containsEntry("state", "waiting");

        // when: the citizen asks the assistant again
        Map<String, Object> answer = api.say(c, "补办社保卡要钱吗");

        // then: the assistant answers, the request still waits, and staff see the question in the transcript
        assertThat(answer.get("type")).isEqualTo("answer");
        assertThat((List<Map<String, Object>>) answer.get("citations")).extracting(x -> x.get("id"))
                .first().isEqualTo("faq-card-fee");
        assertThat(api.conversation(c).get("state")).isEqualTo("waiting");
        assertThat(queued(staff, c)).containsEntry("state", "waiting");
        // asking for a person again does not queue it twice
        assertThat(api.say(c, "转人工").get("type")).isEqualTo("handoff");
        assertThat(api.queue(staff)).filteredOn(q -> c.id().equals(q.get("conversation_id"))).hasSize(1);

        // when: the citizen cancels the request
        api.http().delete().uri("/api/v1/conversations/{id}/handoff", c.id())
                .header("X-Conversation-Token", c.token()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reply.text").value(t -> assertThat((String) t).contains("已取消"));

        // then: it has left the queue, the assistant has it again, and cancelling twice is a clear 409
        assertThat(api.conversation(c).get("state")).isEqualTo("bot");
        assertThat(api.queue(staff)).extracting(q -> q.get("conversation_id")).doesNotContain(c.id());
        api.http().delete().uri("/api/v1/conversations/{id}/handoff", c.id())
                .header("X-Conversation-Token", c.token()).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_handoff_button_takes_a_message_and_a_contact() {
        Citizen c = api.open();

        api.http().post().uri("/api/v1/conversations/{id}/handoff", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contact", "13800000000", "message", "我的公积金账户被冻结了"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reply.type").isEqualTo("handoff")
                .jsonPath("$.reply.text").value(t -> assertThat((String) t).contains("人工"))
                .jsonPath("$.reply.citations.length()").isEqualTo(0);

        String staff = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "li.ming", "李明");
        assertThat(queued(staff, c)).containsEntry("reason", "requested")
                .containsEntry("question", "我的公积金账户被冻结了").containsEntry("has_contact", true)
                .containsEntry("after_hours", false).doesNotContainKey("contact");
        assertThat((List<Map<String, Object>>) api.conversation(c).get("messages"))
                .extracting(m -> m.get("author")).containsExactly("citizen", "assistant");

        // pressing it again while waiting adds to the same request instead of queueing twice
        api.http().post().uri("/api/v1/conversations/{id}/handoff", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.reply.type").isEqualTo("handoff");
        assertThat(api.queue(staff)).filteredOn(q -> c.id().equals(q.get("conversation_id"))).hasSize(1);
    }

    @Test
    void a_not_useful_verdict_on_an_answer_hands_the_conversation_over() {
        Citizen c = api.open();
        assertThat(api.say(c, "补办社保卡要钱吗").get("type")).isEqualTo("answer");
        try (SseRecorder citizen = SseRecorder.listen(api.baseUrl(),
                "/api/v1/conversations/" + c.id() + "/events?token=" + c.token())) {
            citizen.await("state", "state", "bot");

            api.http().post().uri("/api/v1/conversations/{id}/feedback", c.id())
                    .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("message_id", "000002", "useful", false)).exchange().expectStatus().isOk();

            citizen.await("message", "author", "system");
            assertThat(citizen.await("state", "state", "waiting").data()).containsEntry("reason", "negative_feedback");
        }
        String staff = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "li.ming", "李明");
        Map<String, Object> item = queued(staff, c);
        assertThat(item).containsEntry("reason", "negative_feedback").containsEntry("question", "补办社保卡要钱吗");
        assertThat((List<Map<String, Object>>) item.get("candidates")).extracting(k -> k.get("key"))
                .first().isEqualTo("faq-card-fee");
    }

    @Test
    void a_transfer_hands_the_conversation_to_a_colleague__who_alone_may_answer_then() {
        Citizen c = api.open();
        api.handoff(c);
        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        String wang = api.staff(admin, "wang", "王芳");
        String li = api.staff(admin, "li.ming", "李明");
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk();
        api.staffPost(li, "/api/v1/staff/conversations/{id}/messages", Map.of("text", "我来"), c.id())
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("claimed-by-another");

        api.staffPost(wang, "/api/v1/staff/conversations/{id}/transfer", Map.of("to", "li.ming"), c.id())
                .expectStatus().isOk().expectBody().jsonPath("$.staff").isEqualTo("li.ming")
                .jsonPath("$.staff_name").isEqualTo("李明");
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/transfer", Map.of("to", "nobody-here"), c.id())
                .expectStatus().isBadRequest();

        api.staffPost(li, "/api/v1/staff/conversations/{id}/messages", Map.of("text", "您好，我是李明"), c.id())
                .expectStatus().isCreated();
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/messages", Map.of("text", "还是我"), c.id())
                .expectStatus().isEqualTo(409);
        api.http().get().uri("/api/v1/staff/overview").header("Authorization", "Bearer " + li).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.mine[?(@.conversation_id == '" + c.id() + "')]")
                .exists();
        assertThat((List<Map<String, Object>>) api.conversation(c).get("messages"))
                .extracting(m -> m.get("text")).contains("已为您转接给工作人员李明。", "您好，我是李明");
    }

    @Test
    void last_event_id_resumes_the_citizen_stream_without_loss() {
        Citizen c = api.open();
        api.handoff(c);
        String wang = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "wang", "王芳");
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk();
        // written while the citizen was not listening
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/messages", Map.of("text", "第一条"), c.id())
                .expectStatus().isCreated();
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/messages", Map.of("text", "第二条"), c.id())
                .expectStatus().isCreated();

        // the handoff reply is 000001, the claim notice 000002; the client saw it and reconnects
        try (SseRecorder citizen = SseRecorder.listen(api.baseUrl(),
                "/api/v1/conversations/" + c.id() + "/events?token=" + c.token(),
                h -> h.set("Last-Event-ID", "000002"))) {
            assertThat(citizen.await("message", "text", "第一条").id()).isEqualTo("000003");
            assertThat(citizen.await("message", "text", "第二条").id()).isEqualTo("000004");
            citizen.await("state", "state", "with_staff");
        }
    }

    @Test
    void a_handoff_decided_by_the_assistant_keeps_the_candidates_it_considered() {
        // a question outside the KB is not handed over at once: the citizen hears so, and may ask for a person
        Citizen c = api.open();
        Map<String, Object> first = api.say(c, "火星上有水吗");
        assertThat(first.get("type")).isEqualTo("clarify");
        assertThat((List<String>) first.get("suggestions")).contains("转人工");
        assertThat((String) first.get("text")).contains("12345");

        // a second attempt that fails too goes to a person
        Map<String, Object> reply = api.say(c, "月球上有空气吗");
        assertThat(reply.get("type")).isEqualTo("handoff");

        String staff = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "wang", "王芳");
        Map<String, Object> item = queued(staff, c);
        assertThat(item).containsEntry("reason", "unresolved").containsEntry("question", "月球上有空气吗");
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) item.get("candidates");
        assertThat(candidates).isNotEmpty().hasSizeLessThanOrEqualTo(5)
                .allSatisfy(k -> assertThat(k).containsKeys("key", "title", "score"));
        api.http().get().uri("/api/v1/staff/conversations/{id}", c.id()).header("Authorization", "Bearer " + staff)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.candidates.length()").isEqualTo(candidates.size())
                .jsonPath("$.messages[3].reply.type").isEqualTo("handoff");
    }

    @Test
    void the_citizen_stream_sends_the_state_on_connect_and_heartbeats() {
        Citizen c = api.open();
        String raw = org.springframework.web.reactive.function.client.WebClient.create(api.baseUrl()).get()
                .uri("/api/v1/conversations/{id}/events?token={t}", c.id(), c.token())
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class)
                .map(b -> b.toString(java.nio.charset.StandardCharsets.UTF_8))
                .take(java.time.Duration.ofMillis(2500)).collectList().block().toString();
        assertThat(raw).contains("event:state").contains("\"state\":\"bot\"").contains(":heartbeat");
    }
}
