package org.civicassist.assistant.quality;

import org.civicassist.assistant.audit.InMemoryAuditLog;
import org.civicassist.assistant.testing.Eventually;
import org.civicassist.assistant.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner on its own, with {@link StandInEval} as the command: the ways a run ends other than by finishing. */
class QualityRunnerTest {

    @TempDir
    Path dir;

    QualityRunner runner(List<String> command, Duration timeout) {
        return new QualityRunner(new QualityRunner.Settings(command, dir.resolve("runs"), null, timeout, 40),
                () -> "bundled", line -> line, new InMemoryAuditLog(1000), Clock.systemUTC());
    }

    @Test
    void without_a_command_the_runner_is_off_and_refuses_to_start() {
        QualityRunner off = runner(List.of(), Duration.ofMinutes(1));

        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> off.start("zhao")).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("quality-off");
    }

    @Test
    void a_run_past_its_time_limit_is_ended_and_failed() throws Exception {
        QualityRunner runner = runner(StandInEval.command(dir.resolve("never").toString(), 0), Duration.ofSeconds(3));

        runner.start("zhao");
        QualityRunner.Run run = runner.completion().get(60, TimeUnit.SECONDS);

        assertThat(run.state()).isEqualTo(QualityRunner.State.FAILED);
        assertThat(run.timedOut()).isTrue();
        assertThat(run.outputTail()).anyMatch(l -> l.startsWith("ended: the evaluation took longer than"));
    }

    @Test
    void a_non_zero_exit_is_a_failed_run_with_its_code_and_its_reports_stay_readable() throws Exception {
        QualityRunner runner = runner(StandInEval.command("-", 1), Duration.ofMinutes(1));

        String id = runner.start("zhao").id();
        QualityRunner.Run run = runner.completion().get(60, TimeUnit.SECONDS);

        assertThat(run.state()).isEqualTo(QualityRunner.State.FAILED);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(runner.reports(id)).extracting(QualityRunner.Report::name).containsExactly("common", "dev");
    }

    @Test
    void a_command_that_cannot_start_is_a_failed_run() {
        QualityRunner runner = runner(List.of(dir.resolve("no-such-program").toString()), Duration.ofMinutes(1));

        QualityRunner.Run run = runner.start("zhao");

        assertThat(run.state()).isEqualTo(QualityRunner.State.FAILED);
        assertThat(run.exitCode()).isNull();
        assertThat(run.outputTail()).anyMatch(l -> l.startsWith("could not start the evaluation command"));
        assertThat(runner.latest()).contains(run);
    }

    @Test
    void closing_the_runner_with_the_server_ends_the_process__and_the_next_server_knows_the_last_run()
            throws Exception {
        QualityRunner runner = runner(StandInEval.command(dir.resolve("never").toString(), 0), Duration.ofMinutes(5));
        List<ProcessHandle> others = ProcessHandle.current().children().toList();
        String id = runner.start("zhao").id();
        // the stand-in has started and written its report: it now waits for a file that never comes
        Path report = dir.resolve("runs").resolve(id).resolve("dev/report.json");
        Eventually.waitUntil(Duration.ofSeconds(60), () -> Files.exists(report));
        List<ProcessHandle> before = ProcessHandle.current().children().filter(p -> !others.contains(p)).toList();
        assertThat(before).isNotEmpty();

        runner.close();

        QualityRunner.Run ended = runner.completion().get(1, TimeUnit.SECONDS);
        assertThat(ended.state()).isEqualTo(QualityRunner.State.FAILED);
        assertThat(ended.outputTail()).contains("ended: the server stopped");
        before.forEach(p -> assertThat(p.isAlive()).as("process %d", p.pid()).isFalse());

        QualityRunner next = runner(List.of("unused"), Duration.ofMinutes(1));
        assertThat(next.latest()).hasValueSatisfying(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.state()).isEqualTo(QualityRunner.State.FAILED);
        });
        assertThat(next.reports(id)).extracting(QualityRunner.Report::name).containsExactly("common", "dev");
    }
}
