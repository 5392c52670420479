package org.civicassist.assistant.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Properties that point the application at a fresh {@link TinyKb}, for {@code SpringApplicationBuilder} tests. */
public final class TinyKbProperties {

    private TinyKbProperties() {
    }

    /** A fresh tiny KB directory under {@code target/tiny-kb}. */
    public static Path directory() {
        try {
            Path root = Files.createDirectories(Path.of("target", "tiny-kb"));
            return TinyKb.writeTo(Files.createTempDirectory(root, "app"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points a {@code @SpringBootTest} at {@code kb} (its port stays the test's own). */
    public static void register(DynamicPropertyRegistry registry, Path kb) {
        for (String pair : of(kb)) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].equals("server.port")) {
                registry.add(kv[0], () -> kv[1]);
            }
        }
    }

    /** {@code key=value} pairs: the KB, its index store next to it, a random port, no file watching. */
    public static List<String> of(Path kb) {
        return List.of("assistant.kb.path=" + kb.toAbsolutePath(),
                "assistant.kb.store=" + kb.toAbsolutePath().resolveSibling(kb.getFileName() + "-store"),
                "assistant.kb.watch=false",
                "server.port=0");
    }
}
