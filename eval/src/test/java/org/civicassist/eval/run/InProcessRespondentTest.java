package org.civicassist.eval.run;

import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.eval.question.Question;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
    void after_a_handoff_the_citizens_next_message_goes_to_people_not_to_the_assistant() {
        Outcome outcome = assistant.ask(conversation("我要转人工", "社保卡丢了怎么补办"));

        assertThat(outcome.type()).isEqualTo("handoff");
        assertThat(outcome.handoffReason()).isEqualTo("forwarded");
        assertThat(outcome.citations()).isEmpty();
    }

    @Test
    void without_a_handoff_every_message_is_answered_by_the_assistant() {
        Outcome outcome = assistant.ask(conversation("你好", "社保卡丢了怎么补办"));

        assertThat(outcome.handoffReason()).isNotEqualTo("forwarded");
        assertThat(outcome.ranked()).isNotEmpty();
    }
}
