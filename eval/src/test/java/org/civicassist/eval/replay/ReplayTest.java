package org.civicassist.eval.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {

    @TempDir
    Path dir;

    /** Two FAQs about the social security card, with the eval tests' frozen ranking model. */
    private Path kb() throws IOException {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Files.writeString(kb.resolve("faq.jsonl"), String.join("\n",
                "{\"id\": \"faq-card-lost\", \"domain\": \"社保\", \"question\": \"社保卡丢了怎么补办？\", "
                        + "\"answer\": \"先挂失，再带身份证到窗口补领。\", \"guide\": null}",
                "{\"id\": \"faq-card-fee\", \"domain\": \"社保\", \"question\": \"补办社保卡要钱吗？\", "
                        + "\"answer\": \"补办社保卡工本费 20 元。\", \"guide\": null}") + "\n", StandardCharsets.UTF_8);
        try (InputStream model = ReplayTest.class.getResourceAsStream(
                "/org/civicassist/eval/run/two-faqs-ranking-model.json")) {
            Files.copy(Objects.requireNonNull(model), kb.resolve("ranking-model.json"));
        }
        return kb;
    }

    /**
     * A question the KB answers with the other FAQ until a maintainer links it (the pairing is arbitrary on purpose:
     * only the suggestion can make the fee FAQ the answer).
     */
    @Test
    void reports_the_resolution_a_batch_of_suggestions_would_bring_and_leaves_the_kb_unchanged() throws IOException {
        Path kb = kb();
        String faqBefore = Files.readString(kb.resolve("faq.jsonl"));
        Path questions = dir.resolve("questions.jsonl");
        Files.writeString(questions, "{\"id\": \"q1\", \"kind\": \"answerable\", \"question\": \"小绿本找不着了 咋整\", "
                + "\"expect\": [\"faq-card-fee\"]}\n", StandardCharsets.UTF_8);
        Path suggestions = dir.resolve("suggestions.json");
        Files.writeString(suggestions, "[{\"id\": \"s1\", \"question\": \"小绿本找不着了 咋整\", "
                + "\"item\": \"faq-card-fee\", \"faq\": \"faq-card-fee\"},"
                + " {\"id\": \"s2\", \"question\": \"补卡去哪\", \"item\": \"guide-card#办理地点与时间\"}]",
                StandardCharsets.UTF_8);

        Replay.Result r = Replay.run(kb.toString(), questions, Replay.read(suggestions), dir.resolve("store"),
                dir.resolve("reports"));

        assertThat(r.applied()).isEqualTo(1);
        assertThat(r.skipped()).as("a guide section cannot be accepted as it stands").isEqualTo(1);
        assertThat(r.before().path("metrics").path("resolution").asDouble()).isEqualTo(0.0);
        assertThat(r.after().path("metrics").path("resolution").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(kb.resolve("faq.jsonl"))).as("the KB itself is untouched").isEqualTo(faqBefore);
    }

    @Test
    void reads_the_suggestions_api_s_list() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "[{\"id\": \"a\", \"question\": \"问\", \"item\": \"guide-x#申请材料\", \"faq\": \"faq-1\"}]");

        assertThat(Replay.read(file)).containsExactly(new Replay.Suggestion("问", "guide-x#申请材料", "faq-1"));
        assertThat(Replay.read(file).get(0).target()).contains("faq-1");
    }
}
