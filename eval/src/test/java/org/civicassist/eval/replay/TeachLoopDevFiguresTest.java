package org.civicassist.eval.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other half of the server's TeachLoopTest (which shows, on its tiny KB, that an accepted suggestion makes the
 * linked question and an unlinked rewording answered): on the demo KB and the real model, accepting what the teach loop
 * produces — citizens' wordings, linked by staff to the FAQ that answered them — does not make the dev figures drop.
 * Measured with {@link Replay} (the KB as it is, and a copy with the suggestions applied as accepting does) on the dev
 * questions the suggestions could move: those of the suggestions' domain (社保), and the out-of-scope and hand-to-a-person
 * ones that a new similar question must not start answering. The whole dev file would take minutes on two cores; the
 * other domains' questions cannot reach a 社保 FAQ's new similar question without reaching the FAQ itself.
 */
class TeachLoopDevFiguresTest {

    @TempDir
    Path dir;

    /** What the teach loop would bring for the 社保 FAQs: wordings that are not in the dev questions. */
    static final List<Replay.Suggestion> TAUGHT = List.of(
            new Replay.Suggestion("我的卡丢了要怎么重新办理", "faq-shebao-001", "faq-shebao-001"),
            new Replay.Suggestion("社保卡让人偷了 去哪重新弄一张", "faq-shebao-001", "faq-shebao-001"),
            new Replay.Suggestion("社保卡刷不出来了 是不是要换新的", "faq-shebao-005", "faq-shebao-005"),
            new Replay.Suggestion("挂失的社保卡又找着了 还能接着用吗", "faq-shebao-013", "faq-shebao-013"),
            new Replay.Suggestion("社保卡密码输错锁住了咋办", "faq-shebao-006", "faq-shebao-006"));

    static Path devQuestionsTheSuggestionsCouldMove(Path out) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "eval", "questions", "dev.jsonl"), StandardCharsets.UTF_8)
                .stream().filter(l -> l.startsWith("{\"id\": \"shebao-") || l.contains("\"kind\": \"out_of_scope\"")
                        || l.contains("\"kind\": \"human\"")).toList();
        assertThat(lines).hasSizeGreaterThan(100);
        return Files.write(out, lines, StandardCharsets.UTF_8);
    }

    @Test
    void accepting_what_the_teach_loop_brings_does_not_make_the_dev_figures_drop() throws IOException {
        Path questions = devQuestionsTheSuggestionsCouldMove(dir.resolve("dev-shebao-oos-human.jsonl"));

        Replay.Result r = Replay.run("bundled", questions, TAUGHT, Path.of("target", "eval-store"),
                dir.resolve("reports"));

        assertThat(r.applied()).isEqualTo(TAUGHT.size());
        JsonNode before = r.before().path("metrics");
        JsonNode after = r.after().path("metrics");
        for (String higherIsBetter : List.of("resolution", "resolved_within_one_click", "recall_at_1",
                "oos_not_answered", "human_handoff")) {
            assertThat(after.path(higherIsBetter).asDouble()).as(higherIsBetter + " before %s, after %s",
                    before.path(higherIsBetter), after.path(higherIsBetter))
                    .isGreaterThanOrEqualTo(before.path(higherIsBetter).asDouble());
        }
        assertThat(after.path("wrong_answer_rate").asDouble()).as("wrong_answer_rate before %s, after %s",
                        before.path("wrong_answer_rate"), after.path("wrong_answer_rate"))
                .isLessThanOrEqualTo(before.path("wrong_answer_rate").asDouble());
    }
}
