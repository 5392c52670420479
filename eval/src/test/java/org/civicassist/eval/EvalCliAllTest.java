package org.civicassist.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `all` in a clone without ../shared: the external regression files are skipped, not crashed on. */
class EvalCliAllTest {

    @Test
    void skips_a_regression_file_whose_data_is_missing_or_fails_on_it_when_asked(@TempDir Path dir)
            throws Exception {
        Path ncp = Files.writeString(dir.resolve("ncp.yaml"), "name: ncp\nkb: " + dir.resolve("shared/kb")
                + "\nquestions: " + dir.resolve("shared/questions.jsonl")
                + "\nchecks:\n  - {metric: metrics.mrr, min: 0.8}\n");

        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int skipped;
        int failed;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            skipped = EvalCli.runAll("all", List.of(ncp), dir.resolve("reports"), dir.resolve("store"), false);
            failed = EvalCli.runAll("all", List.of(ncp), dir.resolve("reports"), dir.resolve("store"), true);
        } finally {
            System.setOut(out);
        }

        assertThat(skipped).isZero();
        assertThat(failed).isEqualTo(1);
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("[SKIP] ncp (" + ncp + "): not found: kb " + dir.resolve("shared/kb"))
                .contains("[FAIL] ncp (" + ncp + "): not found: kb ")
                .contains("1 check(s) FAILED");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    /** {@code --kb} replaces the KB every file names: here a directory that is not there, so nothing is run. */
    @Test
    void the_kb_option_runs_every_file_on_the_kb_given_instead_of_its_own(@TempDir Path dir) throws Exception {
        Path dev = Files.writeString(dir.resolve("dev.yaml"), "name: dev\nkb: bundled\nquestions: "
                + Files.writeString(dir.resolve("q.jsonl"), "") + "\nchecks:\n  - {metric: metrics.mrr, min: 0.8}\n");

        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            exit = new picocli.CommandLine(new EvalCli()).execute("regress", dev.toString(),
                    "--kb", dir.resolve("served-kb").toString(), "--reports", dir.resolve("reports").toString(),
                    "--store", dir.resolve("store").toString());
        } finally {
            System.setOut(out);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("[FAIL] dev (" + dev + "): not found: kb " + dir.resolve("served-kb"));
    }
}
