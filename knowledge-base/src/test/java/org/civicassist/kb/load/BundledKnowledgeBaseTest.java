package org.civicassist.kb.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo KB ships as class path resources, which cannot be listed, so its MANIFEST names its files. This keeps the
 * MANIFEST and the directory in step, and the bundled KB loadable without a single problem.
 */
class BundledKnowledgeBaseTest {

    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path BUNDLED_DIR = Path.of("src/main/resources/kb/jiangzhou");

    @Test
    void manifest_lists_exactly_the_files_of_the_bundled_directory() throws IOException {
        // given
        List<String> listed = Files.readAllLines(BUNDLED_DIR.resolve("MANIFEST"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .sorted()
                .toList();

        // when
        List<String> present;
        try (Stream<Path> files = Files.walk(BUNDLED_DIR)) {
            present = files.filter(Files::isRegularFile)
                    .map(f -> BUNDLED_DIR.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("MANIFEST"))
                    .sorted()
                    .toList();
        }

        // then
        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(present);
        assertThat(listed).contains(KbSource.FAQ_FILE);
    }

    @Test
    void every_manifest_entry_is_on_the_class_path() throws IOException {
        KbSource bundled = KbSource.bundled();

        List<String> guides = bundled.guideFiles();

        assertThat(guides).isNotEmpty().allMatch(f -> f.startsWith("guides/") && f.endsWith(".md"));
        for (String file : guides) {
            assertThat(bundled.read(file)).as(file).isPresent();
        }
        assertThat(bundled.read(KbSource.FAQ_FILE)).isPresent();
    }

    @Test
    void the_bundled_knowledge_base_loads_strictly_without_problems() {
        LoadResult result = new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.knowledgeBase().guides()).hasSizeGreaterThan(50);
        assertThat(result.knowledgeBase().faqs()).hasSizeGreaterThan(100);
    }
}
