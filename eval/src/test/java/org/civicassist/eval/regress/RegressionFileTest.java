package org.civicassist.eval.regress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RegressionFileTest {

    @Test
    void names_the_data_that_is_not_there(@TempDir Path dir) throws Exception {
        Path questions = Files.writeString(dir.resolve("q.jsonl"), "");
        Path present = Files.writeString(dir.resolve("present.yaml"), "name: p\nkb: bundled\nquestions: "
                + questions + "\n");
        Path absent = Files.writeString(dir.resolve("absent.yaml"), "name: a\nkb: " + dir.resolve("no-kb")
                + "\nquestions: " + dir.resolve("no.jsonl") + "\nsignals: " + dir.resolve("no-signals.jsonl") + "\n");

        assertThat(RegressionFile.load(present).missingData()).isEmpty();
        assertThat(RegressionFile.load(absent).missingData()).containsExactly("kb " + dir.resolve("no-kb"),
                "questions " + dir.resolve("no.jsonl"), "signals " + dir.resolve("no-signals.jsonl"));
    }
}
