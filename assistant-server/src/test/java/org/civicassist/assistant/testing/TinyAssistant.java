package org.civicassist.assistant.testing;

import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The real answer path over {@link TinyKb} with the {@link HashingEmbedder}: seconds to build, not a minute. */
public final class TinyAssistant {

    private TinyAssistant() {
    }

    public static AssistantAssembly assemble() {
        try {
            Path root = Files.createDirectories(Path.of("target", "tiny-kb"));
            Path dir = TinyKb.writeTo(Files.createTempDirectory(root, "kb"));
            return AssistantAssembly.create(KbSource.directory(dir), LoadMode.STRICT, Optional.empty(),
                    new HashingEmbedder(), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
