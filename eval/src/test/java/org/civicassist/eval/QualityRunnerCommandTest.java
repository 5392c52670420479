package org.civicassist.eval;

import org.civicassist.assistant.audit.InMemoryAuditLog;
import org.civicassist.assistant.quality.QualityRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line the README gives for the maintainers' quality screen, proven: the server's {@link QualityRunner}
 * starts the real harness ({@link EvalCli} {@code regress}) as a process, appends {@code --kb} and {@code --reports},
 * and finds the figures and report.html the harness wrote for the KB it was given (two FAQs with a frozen model).
 */
class QualityRunnerCommandTest {

    @TempDir
    Path dir;

    private Path twoFaqs() throws IOException {
        Path kb = Files.createDirectories(dir.resolve("served-kb"));
        Files.writeString(kb.resolve("faq.jsonl"), String.join("\n",
                "{\"id\": \"faq-card-lost\", \"domain\": \"社保\", \"question\": \"社保卡丢了怎么补办？\", "
                        + "\"answer\": \"先挂失，再带身份证到窗口补领。\", \"guide\": null}",
                "{\"id\": \"faq-card-fee\", \"domain\": \"社保\", \"question\": \"补办社保卡要钱吗？\", "
                        + "\"answer\": \"补办社保卡工本费 20 元。\", \"guide\": null}") + "\n", StandardCharsets.UTF_8);
        try (InputStream model = getClass().getResourceAsStream(
                "/org/civicassist/eval/run/two-faqs-ranking-model.json")) {
            Files.copy(Objects.requireNonNull(model), kb.resolve("ranking-model.json"));
        }
        return kb;
    }

    @Test
    void the_server_s_runner_runs_the_real_harness_on_the_served_kb_and_reads_its_report() throws Exception {
        Path kb = twoFaqs();
        Path questions = Files.writeString(dir.resolve("questions.jsonl"), String.join("\n",
                "{\"id\": \"q1\", \"kind\": \"answerable\", \"question\": \"社保卡丢了怎么补办\", "
                        + "\"expect\": [\"faq-card-lost\"]}",
                "{\"id\": \"q2\", \"kind\": \"answerable\", \"question\": \"补办社保卡要多少钱\", "
                        + "\"expect\": [\"faq-card-fee\"]}") + "\n", StandardCharsets.UTF_8);
        // the file names the bundled KB: only --kb makes the run measure the served one
        Path regression = Files.writeString(dir.resolve("tiny.yaml"), "name: tiny\nkb: bundled\nquestions: "
                + questions + "\nbaselines: false\nchecks:\n  - {metric: metrics.recall_at_1, min: 0.5}\n",
                StandardCharsets.UTF_8);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EvalCli.class.getName(),
                "regress", regression.toString(), "--store", dir.resolve("store").toString());
        QualityRunner runner = new QualityRunner(new QualityRunner.Settings(command, dir.resolve("runs"), dir,
                Duration.ofMinutes(10), 40), kb::toString, line -> line, new InMemoryAuditLog(100), Clock.systemUTC());

        String id = runner.start("zhao").id();
        QualityRunner.Run run = runner.completion().get(10, TimeUnit.MINUTES);

        assertThat(run.state()).as("output: %s", run.outputTail()).isEqualTo(QualityRunner.State.FINISHED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.outputTail()).anyMatch(l -> l.matches("\\[OK\\] +tiny metrics.recall_at_1 1.000 >= 0.500"))
                .contains("all 1 checks passed");
        List<QualityRunner.Report> reports = runner.reports(id);
        assertThat(reports).hasSize(1);
        QualityRunner.Report tiny = reports.get(0);
        assertThat(tiny.name()).isEqualTo("tiny");
        assertThat(tiny.kb()).isEqualTo(kb.toString());
        assertThat(tiny.questions()).isEqualTo(questions.toString());
        assertThat(tiny.counts()).containsEntry("answerable", 2);
        assertThat(tiny.metrics()).containsKeys("resolution", "recall_at_1", "wrong_answer_rate");
        assertThat(tiny.metrics().get("recall_at_1")).isGreaterThanOrEqualTo(0.5);
        assertThat(runner.reportHtml(id, "tiny")).hasValueSatisfying(html -> assertThat(html).content()
                .contains("<title>Evaluation: tiny</title>").doesNotContain("<script"));
    }
}
