package org.civicassist.kb.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the files of a knowledge base come from: a directory (what maintainers edit) or the class path (the demo KB
 * bundled in the jar). Paths are relative and use {@code /}: {@code faq.jsonl}, {@code guides/x.md}.
 */
public interface KbSource {

    String FAQ_FILE = "faq.jsonl";
    String GUIDES_DIR = "guides";

    /** Human-readable origin, for messages. */
    String describe();

    /** Guide files ({@code guides/*.md}), sorted by name. */
    List<String> guideFiles() throws IOException;

    /** The file's text, or empty if it does not exist. */
    Optional<String> read(String relativePath) throws IOException;

    /** The file's bytes as a stream the caller closes (for binary files), or empty if it does not exist. */
    Optional<InputStream> open(String relativePath) throws IOException;

    /** The directory this source reads, if it is one (only directories can be watched for changes). */
    default Optional<Path> directory() {
        return Optional.empty();
    }

    static KbSource directory(Path dir) {
        return new DirectorySource(dir.toAbsolutePath().normalize());
    }

    /** The KB under {@code root} on the class path, whose files are listed in {@code root/MANIFEST}. */
    static KbSource classpath(String root) {
        return new ClasspathSource(root);
    }

    /** The demo knowledge base of 江州市 that ships in the jar. */
    static KbSource bundled() {
        return classpath("kb/jiangzhou");
    }

    record DirectorySource(Path dir) implements KbSource {
        @Override
        public String describe() {
            return "directory " + dir;
        }

        @Override
        public List<String> guideFiles() throws IOException {
            Path guides = dir.resolve(GUIDES_DIR);
            if (!Files.isDirectory(guides)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(guides)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .filter(Files::isRegularFile)
                        .map(p -> GUIDES_DIR + "/" + p.getFileName())
                        .sorted()
                        .toList();
            }
        }

        @Override
        public Optional<String> read(String relativePath) throws IOException {
            try {
                return Optional.of(Files.readString(dir.resolve(relativePath), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<InputStream> open(String relativePath) throws IOException {
            try {
                return Optional.of(Files.newInputStream(dir.resolve(relativePath)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<Path> directory() {
            return Optional.of(dir);
        }
    }

    record ClasspathSource(String root) implements KbSource {
        @Override
        public String describe() {
            return "bundled " + root;
        }

        @Override
        public List<String> guideFiles() throws IOException {
            String manifest = read("MANIFEST").orElseThrow(
                    () -> new IllegalStateException("class path KB " + root + " has no MANIFEST"));
            List<String> files = new ArrayList<>();
            for (String line : manifest.split("\n")) {
                String file = line.strip();
                if (file.startsWith(GUIDES_DIR + "/") && file.endsWith(".md")) {
                    files.add(file);
                }
            }
            files.sort(null);
            return files;
        }

        @Override
        public Optional<String> read(String relativePath) throws IOException {
            try (InputStream in = KbSource.class.getClassLoader().getResourceAsStream(root + "/" + relativePath)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public Optional<InputStream> open(String relativePath) {
            return Optional.ofNullable(KbSource.class.getClassLoader().getResourceAsStream(root + "/" + relativePath));
        }
    }
}
