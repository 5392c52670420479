package org.civicassist.kb.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {

    @Test
    void should_replace_the_file_and_leave_nothing_aside(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("faq.jsonl");
        Files.writeString(file, "old");

        // when
        AtomicFile.replace(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(file).hasContent("new");
        assertThat(files(dir)).containsExactly("faq.jsonl");
    }

    @Test
    void should_create_the_directory(@TempDir Path dir) {
        Path file = dir.resolve("kb/faq.jsonl");
        AtomicFile.replace(file, out -> out.write('x'));
        assertThat(file).hasContent("x");
    }

    @Test
    void should_keep_the_old_file_when_writing_fails(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("faq.jsonl");
        Files.writeString(file, "old");

        // when
        assertThatThrownBy(() -> AtomicFile.replace(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(FaqSheetException.class).hasMessageContaining("faq.jsonl").hasMessageContaining("disk full");

        // then
        assertThat(file).hasContent("old");
        assertThat(files(dir)).containsExactly("faq.jsonl");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
