package org.civicassist.eval.run;

import org.civicassist.eval.respond.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply object of API.md read into an outcome, options included. */
class HttpRespondentTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_clarify_reply_keeps_its_options_in_order_with_the_item_each_stands_for() {
        Outcome o = HttpRespondent.outcome(JSON.readTree("""
                {"type": "clarify", "text": "您想问哪一项？", "citations": [], "confidence": 0.41,
                 "suggestions": ["补办社保卡要钱吗？", "社保卡办理时限"],
                 "options": [{"id": "faq-card-fee", "section": null, "title": "补办社保卡要钱吗？", "text": "补办社保卡要钱吗？"},
                             {"id": "guide-card", "section": "办理时限", "title": "社保卡申领", "text": "社保卡办理时限"}]}
                """), 1_000);

        assertThat(o.isClarify()).isTrue();
        assertThat(o.options()).extracting(opt -> opt.item().key()).containsExactly("faq-card-fee", "guide-card#办理时限");
        assertThat(o.options().get(1).text()).isEqualTo("社保卡办理时限");
    }

    @Test
    void a_reply_without_options_has_none() {
        Outcome o = HttpRespondent.outcome(JSON.readTree("""
                {"type": "answer", "text": "工本费 20 元。", "citations": [{"id": "faq-card-fee", "title": "补办社保卡要钱吗？",
                 "section": null, "url": null}], "confidence": 0.9, "suggestions": []}
                """), 1_000);

        assertThat(o.options()).isEmpty();
        assertThat(o.citations()).extracting(Outcome.Cited::key).containsExactly("faq-card-fee");
    }
}
