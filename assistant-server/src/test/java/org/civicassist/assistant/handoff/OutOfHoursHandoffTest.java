package org.civicassist.assistant.handoff;

import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out of office hours (a fixed clock: Saturday, and a public holiday) a handoff becomes a ticket: the reply says when
 * to expect an answer, the citizen leaves a message and a contact, and staff find the ticket in the queue when they
 * are back.
 */
class OutOfHoursHandoffTest extends HandoffApplicationTestBase {

    /** Saturday 7 March 2026, 20:00 in Shanghai. */
    static final Instant SATURDAY_EVENING = Instant.parse("2026-03-07T12:00:00Z");

    @Test
    void on_a_saturday_the_citizen_leaves_a_message_and_a_contact_and_staff_see_the_ticket_on_monday() {
        clock.set(SATURDAY_EVENING);
        Citizen c = api.open();

        // when: two questions in a row that the KB does not answer (the first is told so, the second goes to people)
        assertThat(api.say(c, "火星上有水吗").get("type")).isEqualTo("clarify");
        Map<String, Object> reply = api.say(c, "月球上有空气吗");

        // then: a ticket, answered from Monday 09:00
        assertThat(reply.get("type")).isEqualTo("handoff");
        assertThat((String) reply.get("text")).contains("非工作时间").contains("3月9日（周一）09:00")
                .contains("周一至周五 09:00-12:00、13:30-17:30").contains("联系方式");
        assertThat(api.conversation(c).get("state")).isEqualTo("waiting");

        // the citizen leaves a message and a contact
        api.http().post().uri("/api/v1/conversations/{id}/handoff", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contact", "zhang@example.com", "message", "我在火星，想回地球办社保"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reply.type").isEqualTo("handoff")
                .jsonPath("$.reply.text").value(t -> assertThat((String) t).contains("已收到您的留言")
                        .contains("3月9日（周一）09:00"));

        // staff on Monday morning
        clock.set(MONDAY_MORNING);
        String staff = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "wang", "王芳");
        Map<String, Object> ticket = api.queue(staff).stream()
                .filter(q -> c.id().equals(q.get("conversation_id"))).findFirst().orElseThrow();
        assertThat(ticket).containsEntry("after_hours", true).containsEntry("has_contact", true)
                .containsEntry("expected_reply_by", "2026-03-09T01:00:00Z")
                .containsEntry("reason", "unresolved");
        assertThat(((Number) ticket.get("waiting_seconds")).longValue()).isEqualTo(38 * 3600);
        // the contact is for the staff member who claims it
        api.staffPost(staff, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.messages[*].text").value(texts -> assertThat((List<String>) texts)
                        .contains("我在火星，想回地球办社保"))
                .jsonPath("$.contact").isEqualTo("zhang@example.com");
    }

    @Test
    void on_a_public_holiday_the_answer_is_expected_on_the_next_working_day() {
        // Friday 1 May 2026 (holidays 1-5 May), 10:00 in Shanghai
        clock.set(Instant.parse("2026-05-01T02:00:00Z"));
        Citizen c = api.open();

        Map<String, Object> reply = api.handoff(c);

        assertThat((String) reply.get("text")).contains("5月6日（周三）09:00");
    }

    @Test
    void during_office_hours_the_handoff_goes_straight_to_the_queue() {
        Citizen c = api.open();

        Map<String, Object> reply = api.handoff(c);

        assertThat((String) reply.get("text")).doesNotContain("非工作时间");
        String staff = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "wang", "王芳");
        assertThat(api.queue(staff)).filteredOn(q -> c.id().equals(q.get("conversation_id")))
                .singleElement().satisfies(q -> assertThat(q).containsEntry("after_hours", false)
                        .doesNotContainKey("expected_reply_by"));
    }
}
