package org.civicassist.eval.run;


import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.eval.question.Question;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.rank.RankingModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process respondent holds a conversation the way the server does. */
class InProcessRespondentTest {

    /** Character codes hashed into a unit vector: enough to build an index, nothing is measured with it. */
    static final class CharacterEmbedder implements Embedder {
        @Override
        public String modelId() {
            return "test-characters";
        }

        @Override
        public int dimension() {
            return 32;
        }

        @Override
        public float[] embed(String text) {
            float[] v = new float[32];
            text.codePoints().forEach(c -> v[c % 32] += 1);
            v[0] += 1e-3f;
            return Embedder.normalize(v);
        }
    }

    @TempDir
    static Path dir;
    static InProcessRespondent assistant;

    @BeforeAll
    static void tinyKb() throws IOException {
        Files.writeString(dir.resolve("faq.jsonl"), "{\"id\": \"faq-card-lost\", \"domain\": \"社保\", "
                + "\"question\": \"社保卡丢了怎么补办？\", \"answer\": \"先挂失，再带身份证到窗口补领。\", \"guide\": null}\n",
                StandardCharsets.UTF_8);
        assistant = new InProcessRespondent(AssistantAssembly.create(KbSource.directory(dir), LoadMode.STRICT,
                Optional.empty(), new CharacterEmbedder(), Clock.systemUTC()));
    }

    @AfterAll
    static void close() {
        assistant.close();
    }

    static Question conversation(String... turns) {
        return new Question("q", Question.Kind.ANSWERABLE, List.of(turns), List.of("faq-card-lost"), List.of());
    }

    @Test
    void after_a_handoff_nobody_has_claimed__the_assistant_still_answers_as_the_server_does() {
        Outcome outcome = assistant.ask(conversation("我要转人工", "社保卡丢了怎么补办"));

        assertThat(outcome.type()).isEqualTo("answer");
        assertThat(outcome.citations().get(0).id()).isEqualTo("faq-card-lost");
    }

    @Test
    void a_turn_decided_from_signals_alone_still_has_its_ranking_measured() {
        Outcome outcome = assistant.ask(conversation("我要投诉！社保卡丢了怎么补办"));

        assertThat(outcome.type()).isEqualTo("handoff");
        assertThat(outcome.ranked()).isNotEmpty();
        assertThat(outcome.ranked().get(0).id()).isEqualTo("faq-card-lost");
    }

    @Test
    void an_option_of_a_clarify_sent_next_in_the_same_conversation_is_answered_with_its_item() throws IOException {
        try (InProcessRespondent twoFaqs = twoFaqs(dir.resolve("two-faqs"))) {
            Respondent.Conversation conversation = twoFaqs.open();
            Outcome clarify = conversation.say("社保卡怎么办");
            assertThat(clarify.type()).isEqualTo("clarify");
            Outcome.Option fee = clarify.options().stream()
                    .filter(o -> o.item().id().equals("faq-card-fee")).findFirst().orElseThrow();

            Outcome chosen = conversation.say(fee.text());

            assertThat(chosen.type()).isEqualTo("answer");
            assertThat(chosen.citations().get(0).id()).isEqualTo("faq-card-fee");
        }
    }

    /** Two FAQs close enough that a vague question about the card is a clarify offering both. */
    static InProcessRespondent twoFaqs(Path kbDirectory) throws IOException {
        Path kb = Files.createDirectories(kbDirectory);
        Files.writeString(kb.resolve("faq.jsonl"), String.join("\n",
                "{\"id\": \"faq-card-lost\", \"domain\": \"社保\", \"question\": \"社保卡丢了怎么补办？\", "
                        + "\"answer\": \"先挂失，再带身份证到窗口补领。\", \"guide\": null}",
                "{\"id\": \"faq-card-fee\", \"domain\": \"社保\", \"question\": \"补办社保卡要钱吗？\", "
                        + "\"answer\": \"补办社保卡工本费 20 元。\", \"guide\": null}") + "\n", StandardCharsets.UTF_8);
        // the KB carries a frozen ranking model (an earlier linear fit on the demo KB), so that the clarify the tests
        // expect does not move with the demo KB's next refit
        try (InputStream model = InProcessRespondentTest.class.getResourceAsStream("two-faqs-ranking-model.json")) {
            Files.copy(Objects.requireNonNull(model, "two-faqs-ranking-model.json"), kb.resolve(RankingModels.FILE_NAME));
        }
        return new InProcessRespondent(AssistantAssembly.create(KbSource.directory(kb), LoadMode.STRICT,
                Optional.empty(), new CharacterEmbedder(), Clock.systemUTC()));
    }

    @Test
    void without_a_handoff_every_message_is_answered_by_the_assistant() {
        Outcome outcome = assistant.ask(conversation("你好", "社保卡丢了怎么补办"));

        assertThat(outcome.handoffReason()).isNotEqualTo("forwarded");
        assertThat(outcome.ranked()).isNotEmpty();
    }
}
