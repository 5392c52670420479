package org.civicassist.kb.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file in one step: written aside (a temporary file in the same directory), then renamed over it, so
 * that a watcher reloading the KB, or a crash, never sees half a file. The rename is atomic where the file system
 * allows it.
 */
final class AtomicFile {

    /** Writes the whole content to the stream it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Replaces (or creates) {@code file}, creating its directory if needed. Nothing is left behind on failure.
     *
     * @throws FaqSheetException ({@link FaqSheetException.Reason#IO}) when the file cannot be written
     */
    static void replace(Path file, Content content) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FaqSheetException(FaqSheetException.Reason.IO, "cannot write " + target.getFileName() + ": "
                    + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing left to clean when the move succeeded
                }
            }
        }
    }
}
