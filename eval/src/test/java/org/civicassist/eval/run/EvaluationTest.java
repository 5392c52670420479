package org.civicassist.eval.run;

import org.civicassist.eval.evaluation.Evaluation;
import org.civicassist.eval.question.QuestionFile;
import org.civicassist.eval.question.QuestionSet;
import org.civicassist.eval.report.HtmlReport;
import org.civicassist.eval.report.JsonReport;
import org.civicassist.eval.report.MarkdownReport;
import org.civicassist.eval.score.QuestionResult;
import org.civicassist.eval.score.Scorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole run, in process, on a tiny KB: the figures of issue 14 reach report.json, .md and .html. */
class EvaluationTest {

    @TempDir
    static Path dir;
    static InProcessRespondent assistant;
    static final Scorer SCORER = new Scorer(id -> "社保");

    @BeforeAll
    static void tinyKb() throws IOException {
        assistant = InProcessRespondentTest.twoFaqs(dir.resolve("kb"));
    }

    @AfterAll
    static void close() {
        assistant.close();
    }

    static QuestionFile file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return QuestionSet.read(f);
    }

    static Evaluation run(QuestionFile questions) {
        return Evaluation.run("test", "tiny", "q.jsonl", questions, assistant, List.of(), SCORER, 0, Map.of());
    }

    @Test
    void a_question_run_reports_resolution_within_one_click_and_the_clarify_rate() throws IOException {
        Evaluation e = run(file("questions.jsonl",
                "{\"id\": \"a\", \"question\": \"社保卡丢了怎么补办\", \"kind\": \"answerable\", \"expect\": [\"faq-card-lost\"]}",
                "{\"id\": \"b\", \"question\": \"社保卡怎么办\", \"kind\": \"answerable\", \"expect\": [\"faq-card-fee\"]}",
                "{\"id\": \"c\", \"question\": \"我要投诉\", \"kind\": \"human\", \"expect\": []}"));

        JsonNode report = JsonReport.render(e);

        // the vague question is a clarify offering both FAQs; the second, clicked, is answered in the same conversation
        QuestionResult vague = e.results().questions().get(1);
        assertThat(vague.outcome().type()).isEqualTo("clarify");
        assertThat(vague.click().option().item().id()).isEqualTo("faq-card-fee");
        assertThat(vague.resolved()).isFalse();
        assertThat(vague.resolvedWithinOneClick()).isTrue();
        JsonNode metrics = report.path("metrics");
        assertThat(metrics.path("resolution").asDouble()).isEqualTo(0.5);
        assertThat(metrics.path("resolved_within_one_click").asDouble()).isEqualTo(1.0);
        assertThat(metrics.path("clarify_rate").asDouble()).isEqualTo(0.5);
        assertThat(report.path("counts").has("resolved_within_one_click")).isTrue();
        assertThat(MarkdownReport.render(e)).contains("| resolved_within_one_click |", "| clarify_rate |");
        assertThat(HtmlReport.render(e)).contains("<td>resolved_within_one_click</td>", "<td>clarify_rate</td>");
    }

    @Test
    void the_calibration_of_the_confidence_reaches_every_report_per_question_style() throws IOException {
        Evaluation e = run(file("calibration.jsonl",
                "{\"id\": \"a\", \"question\": \"社保卡丢了怎么补办\", \"kind\": \"answerable\", \"expect\": [\"faq-card-lost\"]}",
                "{\"id\": \"b\", \"question\": \"社保卡怎么办\", \"kind\": \"answerable\", \"expect\": [\"faq-card-fee\"]}",
                "{\"id\": \"c\", \"question\": \"我要投诉\", \"kind\": \"human\", \"expect\": []}"));

        JsonNode calibration = JsonReport.render(e).path("calibration");

        // in process the ranking is observable: both answerable questions are scored, the human one is not
        assertThat(calibration.path("event").asString()).startsWith("first ranked item");
        JsonNode all = calibration.path("styles").path("q");
        assertThat(all.path("count").asInt()).isEqualTo(2);
        assertThat(all.path("ece").isNumber()).isTrue();
        assertThat(all.path("brier").isNumber()).isTrue();
        assertThat(all.path("reliability")).hasSize(10);
        assertThat(calibration.path("styles").has("q/single")).isTrue();
        assertThat(calibration.path("styles").has("q/short")).isTrue();
        assertThat(calibration.path("styles").has("q/multi-turn")).isFalse();
        assertThat(MarkdownReport.render(e)).contains("## Calibration", "| style | replies | ECE | Brier |", "| q/short | 2 |");
        String html = HtmlReport.render(e);
        assertThat(html).contains("<h2>Calibration per question style</h2>", "<td>q/short</td>",
                "aria-label=\"reliability chart of q/short", "<title>reliability chart of q:");
        assertThat(html).doesNotContain("<script", "src=", "href=");
    }

    @Test
    void a_dialogue_run_reports_the_dialogue_metrics_instead_of_the_per_question_ones() throws IOException {
        Evaluation e = run(file("dialogues.jsonl", "{\"id\": \"d\", \"kind\": \"dialogue\", \"turns\": ["
                + "{\"text\": \"我的社保卡找不到了\", \"expect\": [], \"context\": true},"
                + "{\"text\": \"怎么补办\", \"expect\": [\"faq-card-lost\"]},"
                + "{\"text\": \"要钱吗\", \"expect\": [\"faq-card-fee\"]}]}"));

        JsonNode report = JsonReport.render(e);

        JsonNode metrics = report.path("metrics");
        for (String key : List.of("turn_resolution", "dialogues_resolved", "context_turns_kept", "wrong_answer_rate",
                "clarify_rate")) {
            assertThat(metrics.has(key)).as(key).isTrue();
        }
        assertThat(metrics.path("context_turns_kept").isNumber()).isTrue();
        assertThat(metrics.has("resolution")).isFalse();
        assertThat(report.path("counts").path("turns").asInt()).isEqualTo(3);
        assertThat(MarkdownReport.render(e)).contains("| turn_resolution |", "| dialogues_resolved |",
                "| context_turns_kept |");
        assertThat(HtmlReport.render(e)).contains("<td>turn_resolution</td>", "Turn resolution");
    }
}
