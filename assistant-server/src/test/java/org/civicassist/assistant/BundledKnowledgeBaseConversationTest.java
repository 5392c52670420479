package org.civicassist.assistant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke test of the whole server on the bundled demo KB, with the real embedding model, over HTTP: a real
 * question gets a cited answer, and a follow-up in the same conversation is answered about the same service.
 * The index is stored under {@code target/test-store}, so the KB is embedded once per build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assistant.kb.store=target/test-store", "assistant.kb.watch=false"})
class BundledKnowledgeBaseConversationTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    record Opened(String id, String token) {
    }

    Opened open() {
        Map<String, Object> body = client().post().uri("/api/v1/conversations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        return new Opened((String) body.get("id"), (String) body.get("token"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> ask(Opened c, String text) {
        Map<String, Object> body = client().post().uri("/api/v1/conversations/{id}/messages", c.id())
                .header("X-Conversation-Token", c.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        return (Map<String, Object>) body.get("reply");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> citations(Map<String, Object> reply) {
        return (List<Map<String, Object>>) reply.get("citations");
    }

    /** The guide a reply rests on: the cited guide, or the guide cited after the FAQ it answers from. */
    static String guideOf(Map<String, Object> reply) {
        return citations(reply).stream().map(c -> (String) c.get("id")).filter(id -> id.startsWith("guide-"))
                .findFirst().orElseThrow(() -> new AssertionError("no guide cited in " + reply));
    }

    @Test
    void a_real_question_gets_a_cited_answer() {
        Opened c = open();

        Map<String, Object> reply = ask(c, "社保卡丢了怎么补办");

        assertThat(reply.get("type")).as("reply %s", reply).isEqualTo("answer");
        assertThat(citations(reply)).isNotEmpty();
        Map<String, Object> first = citations(reply).get(0);
        assertThat((String) first.get("id")).isIn("faq-shebao-001", "guide-shebao-card-reissue");
        assertThat((String) first.get("title")).isNotBlank();
        assertThat(guideOf(reply)).isEqualTo("guide-shebao-card-reissue");
        assertThat((String) reply.get("text")).contains("挂失");
        assertThat(((Number) reply.get("confidence")).doubleValue()).isBetween(0.0, 1.0);
    }

    @Test
    void a_follow_up_is_answered_from_the_same_guide() {
        Opened c = open();
        Map<String, Object> first = ask(c, "社保卡丢了怎么补办");
        assertThat(first.get("type")).as("reply %s", first).isEqualTo("answer");
        String guide = guideOf(first);

        Map<String, Object> followUp = ask(c, "那要多久");

        assertThat(followUp.get("type")).as("reply %s", followUp).isEqualTo("answer");
        Map<String, Object> cited = citations(followUp).get(0);
        boolean timeLimitSection = guide.equals(cited.get("id")) && "办理时限".equals(cited.get("section"));
        boolean faqOfTheGuide = ((String) cited.get("id")).startsWith("faq-") && guide.equals(guideOf(followUp));
        assertThat(timeLimitSection || faqOfTheGuide)
                .as("cites %s's 办理时限 section or one of its FAQs: %s", guide, citations(followUp))
                .isTrue();
        client().get().uri("/api/v1/conversations/{id}", c.id()).header("X-Conversation-Token", c.token())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("bot").jsonPath("$.messages.length()").isEqualTo(4);
    }

    @Test
    void a_situation_told_first_is_no_failed_attempt__the_unsure_question_after_it_is_not_handed_over() {
        Opened c = open();
        // tells, asks nothing; nothing answers it surely
        Map<String, Object> told = ask(c, "我家老人的社保一直在老家交");
        assertThat(told.get("type")).as("reply %s", told).isEqualTo("clarify");

        Map<String, Object> unsure = ask(c, "接过来的话难不难");

        assertThat(unsure.get("type")).as("reply %s", unsure).isNotEqualTo("handoff");
    }

    @Test
    void a_service_named_by_its_title_alone_starts_a_new_topic__and_the_next_follow_up_is_about_it() {
        Opened c = open();
        assertThat(ask(c, "护照怎么办").get("type")).isEqualTo("answer");

        // 协议离婚 has no term of the nlp dictionary: only the KB's guide title names the service
        Map<String, Object> divorce = ask(c, "协议离婚");
        Map<String, Object> howLong = ask(c, "那要多久");

        assertThat(divorce.get("type")).as("reply %s", divorce).isEqualTo("answer");
        assertThat(guideOf(divorce)).isEqualTo("guide-hunyu-divorce");
        assertThat(howLong.get("type")).as("reply %s", howLong).isEqualTo("answer");
        assertThat(guideOf(howLong)).isEqualTo("guide-hunyu-divorce");
    }

    @Test
    void a_follow_up_naming_a_term_its_service_mentions_stays_with_that_service() {
        Opened c = open();
        assertThat(ask(c, "辞职了 养老保险想自己接着交 怎么弄").get("type")).isEqualTo("answer");

        // 居住证 is a service of its own, and also what the flexible-employment pension asks of a non-local
        Map<String, Object> permit = ask(c, "我是外地户口 没有居住证 也能交吗");

        assertThat(permit.get("type")).as("reply %s", permit).isEqualTo("answer");
        assertThat(guideOf(permit)).isEqualTo("guide-shebao-flexible-pension");
    }

    /**
     * What the demo portal offers (its 热门办事 buttons: their labels and the questions they ask; the widget's
     * suggestions) and the README's examples: plain service questions. None may be handed to a person: each is
     * answered with its service (an item of it, or its card), or, when two services share the words (我想离婚: the
     * divorce, or a lost divorce certificate), that service is among the options offered.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "社保卡挂失补办, guide-shebao-card-reissue",
            "社保卡丢了怎么补办, guide-shebao-card-reissue",
            "社保卡丢了咋补办, guide-shebao-card-reissue",
            "租房提取公积金, guide-gjj-withdraw-rent",
            "租房怎么提取公积金, guide-gjj-withdraw-rent",
            "公积金租房提取要啥材料, guide-gjj-withdraw-rent",
            "普通护照申领, guide-crj-passport",
            "怎么办护照, guide-crj-passport",
            "护照怎么办, guide-crj-passport",
            "护照快过期了怎么换, guide-crj-passport",
            "结婚登记, guide-hunyu-marriage",
            "结婚登记要带什么, guide-hunyu-marriage",
            "我想离婚, guide-hunyu-divorce",
            "异地就医备案, guide-yibao-remote-filing",
            "异地就医怎么备案, guide-yibao-remote-filing",
            "驾驶证期满换证, guide-jiaoguan-license-renewal",
            "驾驶证到期怎么换证, guide-jiaoguan-license-renewal"})
    void a_plain_service_question_of_the_portal_or_the_readme_is_answered__never_handed_off(String question,
                                                                                             String guide) {
        Map<String, Object> reply = ask(open(), question);

        assertThat(reply.get("type")).as("reply %s", reply).isIn("answer", "clarify");
        if (reply.get("type").equals("answer")) {
            assertThat(guideOf(reply)).isEqualTo(guide);
        } else {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> options = (List<Map<String, Object>>) reply.get("options");
            assertThat(options).as("reply %s", reply).extracting(o -> o.get("id")).contains(guide);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"租房提取公积金, guide-gjj-withdraw-rent", "结婚登记, guide-hunyu-marriage", "护照, guide-crj-passport"})
    void a_service_named_by_its_title_gets_its_card(String question, String guide) {
        Map<String, Object> reply = ask(open(), question);

        assertThat(reply.get("type")).as("reply %s", reply).isEqualTo("answer");
        assertThat(citations(reply).get(0)).containsEntry("id", guide);
        assertThat((List<?>) reply.get("options")).as("the card's elements").isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_kind_of_service_many_titles_share_is_asked_which__not_answered_with_one_of_them() {
        // 补办 is 补领 to the reissue of the identity card, the marriage certificate, the household register …
        Map<String, Object> reply = ask(open(), "补办");

        assertThat(reply.get("type")).as("reply %s", reply).isEqualTo("clarify");
        List<Map<String, Object>> options = (List<Map<String, Object>>) reply.get("options");
        assertThat(options).as("reply %s", reply).extracting(o -> (String) o.get("id")).doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(2).contains("guide-huji-id-card-reissue");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_request_whose_words_are_part_of_several_titles_words_is_asked_which__and_the_one_named_next_is_answered() {
        // 想补个证: 补 is part of 补领, 证 of 结婚证 and 身份证; no service is meant more than another
        Opened c = open();
        Map<String, Object> vague = ask(c, "想补个证");

        assertThat(vague.get("type")).as("reply %s", vague).isEqualTo("clarify");
        List<Map<String, Object>> options = (List<Map<String, Object>>) vague.get("options");
        assertThat(options).as("reply %s", vague).extracting(o -> ((String) o.get("id")).split("#")[0])
                .doesNotHaveDuplicates().contains("guide-huji-id-card-reissue", "guide-hunyu-cert-reissue");

        Map<String, Object> named = ask(c, "身份证 前两天丢了");
        assertThat(named.get("type")).as("reply %s", named).isEqualTo("answer");
        assertThat(guideOf(named)).isEqualTo("guide-huji-id-card-reissue");
    }
}
