package org.civicassist.eval.testing;

import org.civicassist.eval.run.EvaluationRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The store of the demo KB's vectors and indexes for the tests of this module that use the real model on it:
 * {@code target/eval-store}, whose {@code bundled} entry is the server tests' store of the same KB when the reactor
 * built it (as scripts/test.sh's regression gate does), so that a clean build embeds the demo KB once.
 */
public final class BundledStore {

    private BundledStore() {
    }

    public static Path root() {
        Path store = Path.of("target", "eval-store").toAbsolutePath();
        Path bundled = store.resolve(EvaluationRunner.storeName("bundled"));
        Path serverTests = Path.of("..", "assistant-server", "target", "test-store").toAbsolutePath().normalize();
        try {
            Files.createDirectories(store);
            if (!Files.exists(bundled, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(serverTests)) {
                Files.createSymbolicLink(bundled, serverTests);
            }
            Files.createDirectories(bundled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }
}
