package org.civicassist.assistant.privacy;

import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default (everything in memory): a citizen deletes their conversation, staff no longer find it. */
class CitizenDeletionTest extends HandoffApplicationTestBase {

    @Test
    void the_citizen_deletes_the_conversation__transcript_contact_and_queue_entry_go_at_once() {
        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        String staff = api.staff(admin, "zheng", "郑洁");
        Citizen c = api.open();
        api.say(c, "补办社保卡要钱吗");
        api.http().post().uri("/api/v1/conversations/{id}/handoff", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("contact", "13800001234")).exchange()
                .expectStatus().isOk();
        assertThat(api.queue(staff)).extracting(q -> q.get("conversation_id")).contains(c.id());

        api.http().delete().uri("/api/v1/conversations/{id}", c.id()).exchange().expectStatus().isUnauthorized();
        api.http().delete().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isNoContent();

        api.http().get().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isNotFound();
        assertThat(api.queue(staff)).extracting(q -> q.get("conversation_id")).doesNotContain(c.id());
        api.staffPost(staff, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isNotFound();
        List<Map<String, Object>> audit = api.http().get().uri("/api/v1/staff/audit?target={id}", c.id())
                .header("Authorization", "Bearer " + admin).exchange().expectStatus().isOk()
                .expectBody(ApiClient.JSON_LIST).returnResult().getResponseBody();
        assertThat(audit).singleElement().satisfies(e -> assertThat(e).containsEntry("actor", "citizen")
                .containsEntry("action", "delete").containsEntry("target", c.id()));
    }
}
