package org.civicassist.assistant.maintain;

import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintainers' console API over HTTP: a FAQ edit is written to faq.jsonl, kept in the history under the editor's
 * name, served after the reload, and reverted; roles; linking a knowledge gap; the analytics report.
 */
class MaintainerApiTest extends MaintainerTestBase {

    private static final String M = "/api/v1/staff/maintain";

    private Map<String, Object> get(String token, String uri, Object... vars) {
        return api.http().get().uri(uri, vars).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> list(String token, String uri, Object... vars) {
        return api.http().get().uri(uri, vars).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(ApiClient.JSON_LIST).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String token, String uri,
                                                                                           Object body) {
        return api.http().put().uri(uri).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_faq_edit_is_written_to_faq_jsonl__kept_in_the_history_with_the_editor__served_after_reload__and_reverted() {
        // given: a maintainer, and the FAQ as the file has it
        String li = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lijing", "李静");
        String original = faqFile();
        Map<String, Object> faq = get(li, M + "/kb/faqs/faq-passport-time");
        assertThat(faq).containsEntry("answer", "7 个工作日。").containsEntry("editable", true);

        // when: li edits the answer and adds a similar question
        Map<String, Object> edited = put(li, M + "/kb/faqs/faq-passport-time", Map.of(
                "question", "办护照要多久？", "similar", List.of("护照多久能拿到", " "),
                "answer", "10 个工作日，加急 5 个工作日。", "guide", "guide-passport",
                "version", faq.get("version")))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();

        // then: faq.jsonl has the new line in the KB's own format, the other lines as they were
        assertThat(edited).containsEntry("outcome", "changed").containsEntry("reloaded", true);
        assertThat(faqFile()).contains("{\"id\":\"faq-passport-time\",\"domain\":\"出入境\",\"question\":\"办护照要多久？\","
                        + "\"similar\":[\"护照多久能拿到\"],\"answer\":\"10 个工作日，加急 5 个工作日。\",\"guide\":\"guide-passport\"}")
                .contains("\"faq-card-lost\"").contains("\"faq-card-fee\"")
                .doesNotContain("7 个工作日。");
        // the history names li, and keeps the previous version
        List<Map<String, Object>> history = list(li, M + "/kb/history?faq=faq-passport-time");
        Map<String, Object> change = history.get(0); // newest first
        assertThat(change.get("id")).isEqualTo(((Map<String, Object>) edited.get("change")).get("id"));
        assertThat(change).containsEntry("actor", "lijing").containsEntry("action", "edit")
                .containsEntry("faq", "faq-passport-time").containsKey("at");
        assertThat((Map<String, Object>) change.get("before")).containsEntry("answer", "7 个工作日。");
        assertThat((Map<String, Object>) change.get("after")).containsEntry("answer", "10 个工作日，加急 5 个工作日。");
        // and the reloaded KB serves it: the knowledge-base search finds the new answer
        assertThat(knowledge.get().knowledgeBase().faq("faq-passport-time").orElseThrow().answer())
                .isEqualTo("10 个工作日，加急 5 个工作日。");
        List<Map<String, Object>> hits = list(li, "/api/v1/staff/kb/search?q={q}", "护照多久能拿到");
        assertThat(hits).anySatisfy(h -> assertThat((String) h.get("text")).contains("加急 5 个工作日"));

        // an edit made on the version li opened before is refused: someone changed it since
        put(li, M + "/kb/faqs/faq-passport-time", Map.of("question", "办护照要多久？", "answer", "别的答案。",
                "version", faq.get("version"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("faq-changed");

        // when: the change is reverted
        Map<String, Object> reverted = api.staffPost(li, M + "/kb/history/{id}/revert", null, change.get("id"))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();

        // then: the file is byte for byte what it was, the KB serves the old answer, the revert is in the history
        assertThat(reverted).containsEntry("outcome", "changed").containsEntry("reloaded", true);
        assertThat(faqFile()).isEqualTo(original);
        assertThat(knowledge.get().knowledgeBase().faq("faq-passport-time").orElseThrow().answer())
                .isEqualTo("7 个工作日。");
        assertThat(list(li, M + "/kb/history?faq=faq-passport-time")).first()
                .satisfies(h -> assertThat(h).containsEntry("action", "revert").containsEntry("actor", "lijing")
                        .containsEntry("reverts", change.get("id")));
        // reverting it twice would overwrite the revert: refused
        api.staffPost(li, M + "/kb/history/{id}/revert", null, change.get("id")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("faq-changed-since");
    }

    @Test
    void adding_a_similar_question_changes_only_that_faq__once() {
        String li = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lijing", "李静");

        Map<String, Object> added = api.staffPost(li, M + "/kb/faqs/faq-card-fee/similar",
                Map.of("question", "补社保卡收费吗")).expectStatus().isOk().expectBody(ApiClient.JSON).returnResult()
                .getResponseBody();
        Map<String, Object> again = api.staffPost(li, M + "/kb/faqs/faq-card-fee/similar",
                Map.of("question", "补社保卡收费吗")).expectStatus().isOk().expectBody(ApiClient.JSON).returnResult()
                .getResponseBody();

        assertThat(added).containsEntry("outcome", "changed");
        assertThat(again).containsEntry("outcome", "unchanged");
        assertThat(knowledge.get().knowledgeBase().faq("faq-card-fee").orElseThrow().similar())
                .containsExactly("补社保卡收费吗");
        assertThat(list(li, M + "/kb/history?faq=faq-card-fee")).singleElement()
                .satisfies(h -> assertThat(h).containsEntry("action", "add-similar"));
        // an unknown guide or an empty answer is a 400, an unknown FAQ a 404
        put(li, M + "/kb/faqs/faq-card-fee", Map.of("question", "补办社保卡要钱吗？", "answer", "20 元。",
                "guide", "guide-nope")).expectStatus().isBadRequest().expectBody().jsonPath("$.code")
                .isEqualTo("unknown-guide");
        put(li, M + "/kb/faqs/faq-card-fee", Map.of("question", "补办社保卡要钱吗？", "answer", " "))
                .expectStatus().isBadRequest();
        put(li, M + "/kb/faqs/faq-nope", Map.of("question", "问", "answer", "答")).expectStatus().isNotFound();
    }

    @Test
    void staff_without_the_maintainer_or_administrator_role_get_403__maintainers_manage_no_accounts() {
        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        String wang = api.staff(admin, "wang", "王芳");
        String li = api.maintainer(admin, "lijing", "李静");

        for (String path : List.of(M + "/analytics?days=7", M + "/kb/status", M + "/kb/faqs", M + "/kb/history",
                "/api/v1/staff/kb/suggestions")) {
            api.http().get().uri(path).header("Authorization", "Bearer " + wang).exchange()
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("staff-forbidden");
        }
        put(wang, M + "/kb/faqs/faq-card-fee", Map.of("question", "q", "answer", "a")).expectStatus().isForbidden();
        assertThat(faqFile()).contains("遗失补卡工本费 20 元。");

        // a maintainer reads analytics and the KB, searches it, but has no queue, accounts or audit log
        get(li, M + "/kb/status");
        get(li, "/api/v1/staff/me");
        list(li, "/api/v1/staff/kb/search?q={q}", "护照");
        for (String path : List.of("/api/v1/staff/queue", "/api/v1/staff/accounts", "/api/v1/staff/audit")) {
            api.http().get().uri(path).header("Authorization", "Bearer " + li).exchange()
                    .expectStatus().isForbidden();
        }
        // an administrator may use the maintainers' console too
        get(admin, M + "/kb/status");
        // and no token at all is a 401
        api.http().get().uri(M + "/kb/status").exchange().expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_dashboard_report__and_a_knowledge_gap_linked_to_an_item_waits_in_the_suggestions() {
        // given: a question the tiny KB cannot answer, and a reply marked not useful
        Citizen c = api.open();
        api.say(c, "我的卡丢了要怎么重新办理");
        Citizen d = api.open();
        api.say(d, "社保卡丢了怎么补办");
        api.http().post().uri("/api/v1/conversations/{id}/feedback", d.id()).header("X-Conversation-Token", d.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message_id", "000002", "useful", false))
                .exchange().expectStatus().isOk();
        String li = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lijing", "李静");

        // the report, with the staff token
        Map<String, Object> report = get(li, M + "/analytics?days=7");
        assertThat((Map<String, Object>) report.get("totals")).containsKey("questions");
        assertThat(((Number) ((Map<String, Object>) report.get("totals")).get("replies_marked_not_useful"))
                .longValue()).isPositive();
        assertThat((Map<String, Object>) report.get("not_useful_by_day")).hasSize(7);
        assertThat((List<Map<String, Object>>) report.get("knowledge_gaps"))
                .anySatisfy(g -> assertThat(g.get("representative") + " " + g.get("examples")).contains("我的卡丢了要怎么重新办理"));
        api.http().get().uri(M + "/analytics?days=0").header("Authorization", "Bearer " + li).exchange()
                .expectStatus().isBadRequest();

        // when: li links the gap's question to a KB item
        Map<String, Object> linked = api.staffPost(li, M + "/gaps/link",
                        Map.of("item", "guide-card#申请材料", "questions", List.of("我的卡丢了要怎么重新办理")))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();

        // then: it waits for review like any suggestion, in li's name
        assertThat((List<Map<String, Object>>) linked.get("suggestions")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("question", "我的卡丢了要怎么重新办理")
                        .containsEntry("item", "guide-card#申请材料").containsEntry("suggested_by", "lijing"));
        assertThat(list(li, "/api/v1/staff/kb/suggestions"))
                .anySatisfy(s -> assertThat(s).containsEntry("question", "我的卡丢了要怎么重新办理"));
        // a text no citizen asked cannot be linked, nor an item the KB lacks
        api.staffPost(li, M + "/gaps/link", Map.of("item", "faq-card-lost", "questions", List.of("随便编的问题")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("unknown-question");
        api.staffPost(li, M + "/gaps/link", Map.of("item", "faq-nope", "questions", List.of("我的卡丢了要怎么重新办理")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("unknown-item");
    }

    @Test
    @SuppressWarnings("unchecked")
    void accepting_a_suggestion_onto_a_faq_is_in_the_history_too() {
        Citizen c = api.open();
        api.say(c, "护照加急能多快");
        String li = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lijing", "李静");
        Map<String, Object> linked = api.staffPost(li, M + "/gaps/link",
                        Map.of("item", "faq-passport-time", "questions", List.of("护照加急能多快")))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();
        String id = (String) ((List<Map<String, Object>>) linked.get("suggestions")).get(0).get("id");

        api.staffPost(li, "/api/v1/staff/kb/suggestions/{id}/accept", null, id).expectStatus().isOk();

        assertThat(list(li, M + "/kb/history?faq=faq-passport-time")).first()
                .satisfies(h -> {
                    assertThat(h).containsEntry("action", "suggestion-accept").containsEntry("actor", "lijing");
                    assertThat((List<String>) ((Map<String, Object>) h.get("after")).get("similar"))
                            .contains("护照加急能多快");
                });
    }

    // --- the conversation log ---

    private List<String> ids(Map<String, Object> page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("conversations");
        return items.stream().map(m -> (String) m.get("id")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_conversation_log__newest_first__filtered_by_text_outcome_and_day__in_pages__a_transcript_read_is_audited() {
        // given: three conversations a minute apart (the newest last; those of the other tests are older), one reply
        // marked not useful, a phone number
        clock.advance(java.time.Duration.ofMinutes(1));
        Citizen first = api.open();
        api.say(first, "社保卡丢了怎么补办呀日志甲");
        clock.advance(java.time.Duration.ofMinutes(1));
        Citizen second = api.open();
        api.say(second, "护照要多久日志乙");
        api.http().post().uri("/api/v1/conversations/{id}/feedback", second.id())
                .header("X-Conversation-Token", second.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message_id", "000002", "useful", false)).exchange().expectStatus().isOk();
        clock.advance(java.time.Duration.ofMinutes(1));
        Citizen third = api.open();
        api.say(third, "日志丙护照加急，我手机13812345678");
        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        String li = api.maintainer(admin, "lijing", "李静");

        // newest first, the first question masked as stored
        Map<String, Object> all = get(li, M + "/conversations?limit=50");
        assertThat(ids(all)).containsSubsequence(third.id(), second.id(), first.id());
        assertThat(ids(all).subList(0, 3)).containsExactly(third.id(), second.id(), first.id());
        Map<String, Object> newest = ((List<Map<String, Object>>) all.get("conversations")).get(0);
        assertThat((String) newest.get("first_question")).startsWith("日志丙护照加急").doesNotContain("13812345678");
        assertThat(newest).containsEntry("messages", 2).containsKey("outcomes").containsEntry("status", "bot");

        // by text, by outcome, by day
        assertThat(ids(get(li, M + "/conversations?q={q}", "日志乙"))).containsExactly(second.id());
        assertThat(ids(get(li, M + "/conversations?q={q}&outcome=not_useful", "日志"))).containsExactly(second.id());
        assertThat(ids(get(li, M + "/conversations?q={q}&day=2026-03-09", "日志"))).hasSize(3);
        Map<String, Object> dayBefore = get(li, M + "/conversations?q={q}&day=2026-03-08", "日志");
        assertThat(ids(dayBefore)).isEmpty();
        assertThat(dayBefore.get("next_cursor")).isNull();

        // pages of one: each once, in order, then no cursor
        Map<String, Object> page1 = get(li, M + "/conversations?q={q}&limit=1", "日志");
        assertThat(ids(page1)).containsExactly(third.id());
        Map<String, Object> page2 = get(li, M + "/conversations?q={q}&limit=1&cursor={c}", "日志",
                page1.get("next_cursor"));
        assertThat(ids(page2)).containsExactly(second.id());
        Map<String, Object> page3 = get(li, M + "/conversations?q={q}&limit=1&cursor={c}", "日志",
                page2.get("next_cursor"));
        assertThat(ids(page3)).containsExactly(first.id());
        // older conversations remain to be searched; the rest of them has no match, and that is the end
        Map<String, Object> page4 = get(li, M + "/conversations?q={q}&limit=1&cursor={c}", "日志",
                page3.get("next_cursor"));
        assertThat(ids(page4)).isEmpty();
        assertThat(page4.get("next_cursor")).isNull();

        // bad parameters: 400 problems
        for (String bad : List.of("limit=0", "limit=51", "limit=ten", "outcome=refused", "day=2026-13-01",
                "day=yesterday", "cursor=not-a-cursor", "q=" + "长".repeat(101))) {
            api.http().get().uri(M + "/conversations?" + bad).header("Authorization", "Bearer " + li).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("bad-parameter");
        }

        // the transcript: masked, each reply with its confidence and the candidates it considered
        Map<String, Object> transcript = get(li, M + "/conversations/{id}", third.id());
        List<Map<String, Object>> messages = (List<Map<String, Object>>) transcript.get("messages");
        assertThat(messages).hasSize(2);
        assertThat((String) messages.get(0).get("text")).contains("*").doesNotContain("13812345678");
        Map<String, Object> reply = messages.get(1);
        assertThat(reply).containsEntry("author", "assistant").containsKey("question");
        assertThat(((Map<String, Object>) reply.get("reply")).get("confidence")).isInstanceOf(Number.class);
        assertThat((List<Map<String, Object>>) reply.get("considered")).isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsKeys("key", "title", "score"))
                .anySatisfy(c -> assertThat((String) c.get("key")).contains("passport"));
        assertThat(transcript.toString()).doesNotContain("13812345678").doesNotContain("contact");
        assertThat((List<Map<String, Object>>) get(li, M + "/conversations/{id}", second.id()).get("messages"))
                .anySatisfy(m -> assertThat(m).containsEntry("useful", false));
        api.http().get().uri(M + "/conversations/{id}", "0".repeat(32)).header("Authorization", "Bearer " + li)
                .exchange().expectStatus().isNotFound();

        // the read is in the audit log, under li's name
        assertThat(list(admin, "/api/v1/staff/audit?limit=200")).anySatisfy(e -> assertThat(e)
                .containsEntry("actor", "lijing").containsEntry("action", "view").containsEntry("target", third.id()));
        // staff without the maintainer role have no conversation log
        String wang = api.staff(admin, "wang", "王芳");
        api.http().get().uri(M + "/conversations").header("Authorization", "Bearer " + wang).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    @SuppressWarnings("unchecked")
    void marking_the_right_item_of_a_reply_suggests_the_masked_question_for_that_item() {
        // given: a question with a phone number in it, read in the log
        Citizen c = api.open();
        api.say(c, "我手机13812345678，护照加急能几天拿到标注");
        String li = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lijing", "李静");
        Map<String, Object> transcript = get(li, M + "/conversations/{id}", c.id());
        Map<String, Object> reply = ((List<Map<String, Object>>) transcript.get("messages")).get(1);
        String masked = (String) reply.get("question");
        assertThat(masked).contains("护照加急能几天拿到标注").doesNotContain("13812345678");

        // when: li marks the FAQ that should have answered the reply
        Map<String, Object> marked = api.staffPost(li, M + "/conversations/{id}/messages/{m}/mark",
                        Map.of("item", "faq-passport-time"), c.id(), reply.get("id"))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();

        // then: the masked question waits for review as a similar question of that FAQ, in li's name
        assertThat(marked).containsEntry("outcome", "suggested").containsEntry("item", "faq-passport-time");
        Map<String, Object> suggestion = (Map<String, Object>) marked.get("suggestion");
        assertThat(suggestion).containsEntry("question", masked).containsEntry("conversation_id", c.id())
                .containsEntry("faq", "faq-passport-time").containsEntry("suggested_by", "lijing");
        assertThat(list(li, "/api/v1/staff/kb/suggestions")).anySatisfy(s -> assertThat(s)
                .containsEntry("id", suggestion.get("id")).containsEntry("question", masked));
        // marking it again makes no second suggestion
        Map<String, Object> again = api.staffPost(li, M + "/conversations/{id}/messages/{m}/mark",
                        Map.of("item", "faq-passport-time"), c.id(), reply.get("id"))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();
        assertThat(((Map<String, Object>) again.get("suggestion")).get("id")).isEqualTo(suggestion.get("id"));
        assertThat(list(li, "/api/v1/staff/kb/suggestions")).filteredOn(s -> masked.equals(s.get("question")))
                .hasSize(1);

        // an item the KB lacks, a citizen message, a message or conversation that does not exist
        api.staffPost(li, M + "/conversations/{id}/messages/{m}/mark", Map.of("item", "faq-nope"), c.id(), "000002")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("unknown-item");
        api.staffPost(li, M + "/conversations/{id}/messages/{m}/mark", Map.of("item", "faq-card-lost"), c.id(),
                "000001").expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("not-a-reply");
        api.staffPost(li, M + "/conversations/{id}/messages/{m}/mark", Map.of("item", "faq-card-lost"), c.id(),
                "000099").expectStatus().isNotFound();
        api.staffPost(li, M + "/conversations/{id}/messages/{m}/mark", Map.of("item", "faq-card-lost"),
                "0".repeat(32), "000002").expectStatus().isNotFound();
    }

    // --- guide sections ---

    @Test
    @SuppressWarnings("unchecked")
    void a_guide_section_edit_changes_only_that_section_of_its_file__kept_in_the_history__served__and_reverted()
            throws Exception {
        // given: a maintainer, and the guide as its file has it
        String li = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lijing", "李静");
        java.nio.file.Path file = kbDirectory().resolve("guides/guide-passport.md");
        String original = java.nio.file.Files.readString(file);
        Map<String, Object> guide = get(li, M + "/kb/guides/guide-passport");
        assertThat(guide).containsEntry("editable", true).containsEntry("file", "guides/guide-passport.md");
        assertThat((List<Map<String, Object>>) guide.get("sections")).extracting(m -> m.get("heading"))
                .containsExactly("申请材料", "办理时限");

        // when: li renames the section 办理时限 and rewrites its text
        Map<String, Object> edited = put(li, M + "/kb/guides/guide-passport/section", Map.of("section", "办理时限",
                "heading", "办理时间", "body", "10 个工作日；\r\n加急 5 个工作日。\n", "version", guide.get("version")))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();

        // then: the file has only that section changed, in the guide format; the reloaded KB serves it
        assertThat(edited).containsEntry("outcome", "changed").containsEntry("reloaded", true);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(original.replace("## 办理时限\n7 个工作日。\n",
                "## 办理时间\n10 个工作日；\n加急 5 个工作日。\n"));
        org.civicassist.kb.model.Guide served = knowledge.get().knowledgeBase().guide("guide-passport").orElseThrow();
        assertThat(served.sections()).containsExactly(
                new org.civicassist.kb.model.GuideSection("申请材料", "居民身份证、近期免冠照片。"),
                new org.civicassist.kb.model.GuideSection("办理时间", "10 个工作日；\n加急 5 个工作日。"));
        assertThat(served.title()).isEqualTo("普通护照签发");
        // in the same history as FAQ edits: who, when, the section before and after
        Map<String, Object> change = list(li, M + "/kb/history?guide=guide-passport").get(0);
        assertThat(change).containsEntry("actor", "lijing").containsEntry("action", "guide-edit")
                .containsEntry("guide", "guide-passport").containsEntry("section", "办理时限").containsKey("at");
        assertThat((Map<String, Object>) change.get("before")).containsEntry("heading", "办理时限")
                .containsEntry("body", "7 个工作日。");
        assertThat((Map<String, Object>) change.get("after")).containsEntry("heading", "办理时间");
        assertThat(list(li, M + "/kb/history")).first().satisfies(h -> assertThat(h).containsEntry("id", change.get("id")));

        // refused: a stale version (409), and what the file could not keep or the KB lacks (400, 404); nothing written
        String now = java.nio.file.Files.readString(file);
        put(li, M + "/kb/guides/guide-passport/section", Map.of("section", "办理时间", "heading", "办理时间",
                "body", "别的。", "version", guide.get("version"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("guide-changed");
        put(li, M + "/kb/guides/guide-passport/section", Map.of("section", "办理时间", "heading", "办理时间",
                "body", "第一行\n## 新章节\n内容")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("section-has-heading");
        put(li, M + "/kb/guides/guide-passport/section", Map.of("section", "办理时间", "heading", "申请材料",
                "body", "内容")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("duplicate-section");
        put(li, M + "/kb/guides/guide-passport/section", Map.of("section", "办理时间", "heading", "办理时间",
                "body", "  ")).expectStatus().isBadRequest();
        put(li, M + "/kb/guides/guide-passport/section", Map.of("section", "收费标准", "heading", "收费标准",
                "body", "不收费。")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("section-not-found");
        put(li, M + "/kb/guides/guide-nope/section", Map.of("section", "a", "heading", "a", "body", "b"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("guide-not-found");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(now);

        // when: the change is reverted
        Map<String, Object> reverted = api.staffPost(li, M + "/kb/history/{id}/revert", null, change.get("id"))
                .expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();

        // then: the file is byte for byte what it was, and served so
        assertThat(reverted).containsEntry("outcome", "changed").containsEntry("reloaded", true);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(original);
        assertThat(knowledge.get().knowledgeBase().guide("guide-passport").orElseThrow().section("办理时限"))
                .isPresent();
        assertThat(list(li, M + "/kb/history?guide=guide-passport")).first().satisfies(h -> assertThat(h)
                .containsEntry("action", "revert").containsEntry("reverts", change.get("id")));
        api.staffPost(li, M + "/kb/history/{id}/revert", null, change.get("id")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("guide-changed-since");
    }

    @Test
    void without_an_evaluation_command_the_quality_screen_says_how_to_switch_it_on_and_runs_nothing() {
        String zhou = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "zhoujie", "周杰");

        Map<String, Object> status = get(zhou, M + "/quality");

        assertThat(status).containsEntry("enabled", false).containsEntry("run", null)
                .containsEntry("kb", kbDirectory().toAbsolutePath().toString());
        assertThat((String) status.get("how_to_enable_zh")).contains("assistant.quality.command");
        api.staffPost(zhou, M + "/quality/runs", null).expectStatus().isEqualTo(409).expectBody(ApiClient.JSON)
                .value(p -> assertThat(p).containsEntry("code", "quality-off"));
    }
}
