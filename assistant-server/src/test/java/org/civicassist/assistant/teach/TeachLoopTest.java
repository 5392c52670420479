package org.civicassist.assistant.teach;

import org.civicassist.assistant.admin.AdminApiKeyFilter;
import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teach loop over HTTP on a temporary KB directory: a question the assistant does not answer is handed to a
 * person, staff close it naming the FAQ that answered it, a maintainer accepts the suggestion, the KB reloads, and the
 * same question is then answered with that FAQ. A rejected suggestion leaves the KB as it was. Every decision is
 * audited.
 */
@TestPropertySource(properties = "assistant.admin.api-key=" + TeachLoopTest.ADMIN_KEY)
class TeachLoopTest extends HandoffApplicationTestBase {

    static final String ADMIN_KEY = "teach-admin-key";
    /** A paraphrase of faq-card-lost (社保卡丢了怎么补办？) that the tiny KB does not answer. */
    static final String PARAPHRASE = "我的卡丢了要怎么重新办理";
    /** Another wording of the same question, never linked by anyone: the loop should generalise to it. */
    static final String REWORDED = "我那张卡弄丢了 得怎么重新办理";

    @Autowired
    KnowledgeBaseService knowledge;

    WebTestClient admin() {
        return WebTestClient.bindToServer().baseUrl(api.baseUrl())
                .defaultHeader(AdminApiKeyFilter.HEADER, ADMIN_KEY).build();
    }

    Path faqFile() {
        return knowledge.source().directory().orElseThrow().resolve("faq.jsonl");
    }

    List<Map<String, Object>> pending() {
        return admin().get().uri("/api/v1/admin/kb/suggestions").exchange().expectStatus().isOk()
                .expectBody(ApiClient.JSON_LIST).returnResult().getResponseBody();
    }

    /** Asks, asks for a person, and has {@code staff} claim it. */
    Citizen handedOff(String question, String staff) {
        Citizen c = api.open();
        api.say(c, question);
        assertThat(api.handoff(c).get("type")).isEqualTo("handoff");
        api.staffPost(staff, "/api/v1/staff/conversations/{id}/claim", null, c.id()).expectStatus().isOk();
        return c;
    }

    static String firstCitation(Map<String, Object> reply) {
        List<Map<String, Object>> citations = (List<Map<String, Object>>) reply.get("citations");
        return citations == null || citations.isEmpty() ? null : (String) citations.get(0).get("id");
    }

    @Test
    void a_question_staff_answered_with_a_faq__once_accepted__is_answered_with_that_faq() throws Exception {
        // given: the paraphrase is not answered with faq-card-lost yet
        Map<String, Object> before = api.say(api.open(), PARAPHRASE);
        Map<String, Object> rewordedBefore = api.say(api.open(), REWORDED);
        assertThat(rewordedBefore.get("type") + " " + firstCitation(rewordedBefore))
                .isNotEqualTo("answer faq-card-lost");
        assertThat(before.get("type") + " " + firstCitation(before)).isNotEqualTo("answer faq-card-lost");
        assertThat(Files.readString(faqFile())).doesNotContain(PARAPHRASE);

        // when: the citizen asks for a person, wang claims it
        String wang = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "wang.teach", "王芳");
        Citizen c = handedOff(PARAPHRASE, wang);

        // an item the KB does not have is refused, and the conversation stays open
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/close", Map.of("answered_by", "faq-nope"), c.id())
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unknown-item");
        assertThat(api.conversation(c).get("state")).isEqualTo("with_staff");

        // wang closes it naming the FAQ that answered it
        api.staffPost(wang, "/api/v1/staff/conversations/{id}/close",
                        Map.of("note", "已告知补办方法", "answered_by", "faq-card-lost"), c.id())
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("closed");

        // then: a suggestion waits for a maintainer, the KB is unchanged so far
        Map<String, Object> suggestion = pending().stream().filter(s -> c.id().equals(s.get("conversation_id")))
                .findFirst().orElseThrow();
        assertThat(suggestion).containsEntry("question", PARAPHRASE).containsEntry("item", "faq-card-lost")
                .containsEntry("faq", "faq-card-lost").containsEntry("suggested_by", "wang.teach");
        assertThat(Files.readString(faqFile())).doesNotContain(PARAPHRASE);
        // staff who are not administrators cannot decide
        api.http().get().uri("/api/v1/staff/kb/suggestions").header("Authorization", "Bearer " + wang).exchange()
                .expectStatus().isForbidden();

        // when: the maintainer accepts it
        Map<String, Object> accepted = admin().post().uri("/api/v1/admin/kb/suggestions/{id}/accept",
                        suggestion.get("id")).exchange()
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();

        // then: faq.jsonl has it as a similar question, the KB reloaded, and the question is answered with the FAQ
        assertThat(accepted).containsEntry("outcome", "added").containsEntry("faq", "faq-card-lost")
                .containsEntry("reloaded", true);
        String faqLine = Files.readAllLines(faqFile(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("\"faq-card-lost\"")).findFirst().orElseThrow();
        assertThat(faqLine).contains("\"similar\":[\"社保卡遗失了如何补领\",\"" + PARAPHRASE + "\"]");
        Map<String, Object> after = api.say(api.open(), PARAPHRASE);
        assertThat(after.get("type")).isEqualTo("answer");
        assertThat(firstCitation(after)).isEqualTo("faq-card-lost");
        Map<String, Object> reworded = api.say(api.open(), REWORDED);
        assertThat(reworded.get("type") + " " + firstCitation(reworded)).isEqualTo("answer faq-card-lost");
        assertThat(pending()).noneMatch(s -> s.get("id").equals(suggestion.get("id")));

        // deciding twice is a 404 problem
        admin().post().uri("/api/v1/admin/kb/suggestions/{id}/accept", suggestion.get("id")).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        // and the audit log says who suggested and who accepted, without the question's text
        List<Map<String, Object>> audit = api.http().get().uri("/api/v1/staff/audit?limit=200")
                .header("Authorization", "Bearer " + api.login(ADMIN, ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(ApiClient.JSON_LIST).returnResult().getResponseBody();
        assertThat(audit).anySatisfy(a -> assertThat(a).containsEntry("actor", "wang.teach")
                .containsEntry("action", "suggest").containsEntry("target", c.id()));
        assertThat(audit).anySatisfy(a -> {
            assertThat(a).containsEntry("actor", SuggestionController.ADMIN_KEY_ACTOR)
                    .containsEntry("action", "suggestion-accept").containsEntry("target", "faq-card-lost");
            assertThat((String) a.get("detail")).contains("suggestion=" + suggestion.get("id"));
        });
        assertThat(audit.toString()).doesNotContain(PARAPHRASE);
    }

    @Test
    void a_rejected_suggestion_leaves_the_kb_unchanged__a_guide_section_needs_a_faq_to_be_accepted() throws Exception {
        // given: a conversation closed naming a guide section
        String li = api.staff(api.login(ADMIN, ADMIN_PASSWORD), "li.teach", "李雷");
        Citizen c = handedOff("护照要带什么东西去办", li);
        api.staffPost(li, "/api/v1/staff/conversations/{id}/close",
                Map.of("answered_by", "guide-passport#申请材料"), c.id()).expectStatus().isOk();
        Map<String, Object> suggestion = pending().stream().filter(s -> c.id().equals(s.get("conversation_id")))
                .findFirst().orElseThrow();
        assertThat(suggestion).containsEntry("item", "guide-passport#申请材料").doesNotContainKey("faq");
        String kbBefore = Files.readString(faqFile());
        String admin = api.login(ADMIN, ADMIN_PASSWORD);

        // when: an administrator tries to accept it as it is
        api.staffPost(admin, "/api/v1/staff/kb/suggestions/{id}/accept", null, suggestion.get("id"))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("suggestion-needs-faq");
        // then rejects it
        api.staffPost(admin, "/api/v1/staff/kb/suggestions/{id}/reject", null, suggestion.get("id"))
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("rejected");

        // then: the KB file is byte for byte the same, nothing is pending, and the rejection is audited
        assertThat(Files.readString(faqFile())).isEqualTo(kbBefore);
        assertThat(pending()).noneMatch(s -> s.get("id").equals(suggestion.get("id")));
        List<Map<String, Object>> audit = api.http().get().uri("/api/v1/staff/audit?limit=200")
                .header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk().expectBody(ApiClient.JSON_LIST).returnResult().getResponseBody();
        assertThat(audit).anySatisfy(a -> assertThat(a).containsEntry("actor", ADMIN)
                .containsEntry("action", "suggestion-reject").containsEntry("target", "guide-passport#申请材料"));
    }
}
