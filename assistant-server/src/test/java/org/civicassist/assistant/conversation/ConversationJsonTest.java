package org.civicassist.assistant.conversation;

import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.RefusalReason;
import org.civicassist.assistant.reply.Reply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationJsonTest {

    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    static TranscriptEntry assistant(String id, Reply reply) {
        return new TranscriptEntry(id, Author.ASSISTANT, reply.text(), T0, Optional.of(reply));
    }

    static Conversation everyKindOfContent() {
        Conversation c = Conversation.start("c1", "hash", "web", "zh-CN", T0)
                .append(new TranscriptEntry("000001", Author.CITIZEN, "社保卡丢了，身份证号 110101199003074578", T0,
                        Optional.empty()))
                .append(assistant("000002", new Reply.Answer("【社会保障卡补领 · 办理时限】即时。",
                        List.of(new Citation("guide-card", "社会保障卡补领", "办理时限", "https://example.gov.cn/x"),
                                new Citation("faq-1", "社保卡丢了怎么补办？", null, null)), 0.873,
                        List.of("补办社保卡要钱吗？"))))
                .append(assistant("000003", new Reply.Clarify("您想问的是下面哪一项？", 0.41, List.of("护照", "港澳通行证"))))
                .append(assistant("000004", new Reply.Handoff("已为您转接人工服务。", HandoffReason.LOW_CONFIDENCE, 0.12,
                        List.of())))
                .append(assistant("000005", new Reply.Refuse("请文明用语。", RefusalReason.ABUSIVE, List.of())))
                .append(new TranscriptEntry("000006", Author.STAFF, "您好，我是工作人员。", T0, Optional.empty()))
                .withDialogue(new DialogueState(Optional.of("guide-card"), Optional.of("社会保障卡补领"),
                        Optional.of("社保卡丢了怎么补办"), 1,
                        Map.of("护照", "guide-passport#申请材料"), Optional.empty(), Optional.of("我在外地上班")))
                .withStatus(ConversationStatus.WITH_STAFF, Optional.of(HandoffReason.LOW_CONFIDENCE),
                        T0.plusSeconds(5))
                .withFeedback(new ReplyFeedback("000002", false, Optional.of("没说材料"), T0.plusSeconds(6)))
                .withRating(new ConversationRating(2, Optional.empty(), T0.plusSeconds(7)));
        return c.nextVersion().nextVersion();
    }

    @Test
    void round_trips_every_kind_of_reply_state_and_feedback() {
        Conversation c = everyKindOfContent();

        Conversation read = ConversationJson.read(ConversationJson.write(c));

        assertThat(read).isEqualTo(c);
    }

    @Test
    void writes_stable_wire_names__not_java_names() {
        String json = ConversationJson.write(everyKindOfContent());

        assertThat(json)
                .contains("\"schema\":1", "\"token_hash\":\"hash\"", "\"status\":\"with_staff\"",
                        "\"handoff_reason\":\"low_confidence\"", "\"type\":\"refuse\"", "\"reason\":\"abusive\"",
                        "\"author\":\"staff\"", "\"offered_options\":{\"护照\":\"guide-passport#申请材料\"}",
                        "\"situation\":\"我在外地上班\"",
                        "\"message_id\":\"000002\"", "\"created_at\":\"2026-11-28T08:00:00Z\"", "\"version\":2")
                .doesNotContain("Optional", "HandoffReason", "WITH_STAFF");
    }

    @Test
    void reads_a_document_with_fields_it_does_not_know() {
        String json = ConversationJson.write(everyKindOfContent()).replace("\"schema\":1,",
                "\"schema\":1,\"added_by_a_newer_server\":{\"x\":1},");

        assertThat(ConversationJson.read(json)).isEqualTo(everyKindOfContent());
    }

    @Test
    void a_conversation_stored_before_the_situation_was_kept_reads_without_one() {
        String json = ConversationJson.write(everyKindOfContent()).replace(",\"situation\":\"我在外地上班\"", "");

        DialogueState read = ConversationJson.read(json).dialogue();

        assertThat(read.situation()).isEmpty();
        assertThat(read.lastQuestion()).contains("社保卡丢了怎么补办");
    }

    @Test
    void rejects_what_is_not_a_stored_conversation() {
        assertThatThrownBy(() -> ConversationJson.read("{\"schema\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationJson.read(ConversationJson.write(everyKindOfContent())
                .replace("\"schema\":1", "\"schema\":99"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void round_trips_the_escalation__from_the_queue_to_the_closing_note() {
        Conversation c = Conversation.start("c1", "hash", "web", "zh-CN", T0)
                .escalate(Escalation.open(org.civicassist.assistant.reply.HandoffReason.LOW_CONFIDENCE, T0,
                        "火星移民怎么办", java.util.List.of(new ConsideredCandidate("guide-card#申请材料", "社会保障卡补领",
                                "申请材料", 1.25), new ConsideredCandidate("faq-card-fee", "补办社保卡要钱吗？", null, -0.5)),
                        true, Optional.of(T0.plusSeconds(3600))))
                .say(Author.SYSTEM, "工作人员王芳已接入。", T0.plusSeconds(10), Optional.empty())
                .say(Author.STAFF, "您好。", T0.plusSeconds(20), Optional.of("王芳"));
        c = c.withEscalation(c.escalation().get().assignedTo("wang", "王芳", T0.plusSeconds(10))
                .closed(Optional.of("已电话回复"), T0.plusSeconds(30)));

        Conversation read = ConversationJson.read(ConversationJson.write(c));

        assertThat(read).isEqualTo(c);
        assertThat(read.escalation().get().isTicket()).isTrue();
        assertThat(ConversationJson.write(c)).contains("\"reason\":\"low_confidence\"")
                .contains("\"staff_name\":\"王芳\"").contains("\"expected_reply_by\"");
    }

    @Test
    void a_conversation_stored_before_handoff_existed_reads_without_an_escalation() {
        Conversation c = Conversation.start("c2", "hash", "web", "zh-CN", T0);
        String old = ConversationJson.write(c).replace(",\"escalation\":null", "");
        assertThat(old).doesNotContain("escalation");

        assertThat(ConversationJson.read(old).escalation()).isEmpty();
    }

    @Test
    void round_trips_the_candidates_a_reply_considered__and_reads_entries_stored_without_them() {
        Reply answer = new Reply.Answer("先挂失。", List.of(new Citation("faq-card-lost", "社保卡丢了怎么补办？", null, null)),
                0.42, List.of());
        Conversation c = Conversation.start("c3", "hash", "web", "zh-CN", T0)
                .append(new TranscriptEntry("000001", Author.ASSISTANT, "先挂失。", T0, Optional.of(answer),
                        Optional.empty(), List.of(new ConsideredCandidate("faq-card-lost", "社保卡丢了怎么补办？", null, 2.5),
                        new ConsideredCandidate("guide-card#申请材料", "社会保障卡补领", "申请材料", 1.25))));

        String json = ConversationJson.write(c);
        Conversation read = ConversationJson.read(json);

        assertThat(read.transcript().get(0).considered()).containsExactlyElementsOf(c.transcript().get(0).considered());
        String old = json.replaceAll(",\"candidates\":\\[[^\\]]*\\]", "");
        assertThat(old).doesNotContain("candidates");
        assertThat(ConversationJson.read(old).transcript().get(0).considered()).isEmpty();
    }
}
