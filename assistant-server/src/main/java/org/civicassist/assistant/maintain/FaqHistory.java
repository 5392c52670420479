package org.civicassist.assistant.maintain;

import org.civicassist.kb.io.FaqJsonl;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The history of FAQ and guide changes made through the maintainers' console (and accepted suggestions), kept beside the KB
 * content in {@code <kb dir>/.history/faq-changes.jsonl}: one JSON object a line, appended, never rewritten. The KB
 * watcher does not look there, and the loader reads only {@code faq.jsonl} and {@code guides/}. A KB directory kept in
 * git carries its history with it (or leaves it out with {@code .history/} in {@code .gitignore}).
 */
public final class FaqHistory {

    public static final String DIRECTORY = ".history";
    public static final String FILE = "faq-changes.jsonl";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public FaqHistory(Clock clock) {
        this.clock = clock;
    }

    public static Path fileOf(Path kbDirectory) {
        return kbDirectory.resolve(DIRECTORY).resolve(FILE);
    }

    /** Appends a change of {@code faq} and returns it. */
    public FaqChange append(Path kbDirectory, String actor, String action, String faq, FaqJsonl.LineChange change,
                            String reverts) {
        return append(kbDirectory, new FaqChange(newId(), clock.instant().toString(), actor, action, faq,
                change.before(), change.after(), reverts));
    }

    /** Appends a change of the guide {@code guide} in {@code file} (the whole file before and after). */
    public FaqChange appendGuide(Path kbDirectory, String actor, String action, String guide, String file,
                                 String before, String after, String reverts) {
        return append(kbDirectory, new FaqChange(newId(), clock.instant().toString(), actor, action, null, before,
                after, reverts, guide, file));
    }

    private static String newId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private FaqChange append(Path kbDirectory, FaqChange entry) {
        Path file = fileOf(kbDirectory);
        synchronized (FaqHistory.class) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the FAQ history " + file, e);
            }
        }
        return entry;
    }

    /**
     * Changes, newest first.
     *
     * @param item only this FAQ's or guide's changes, or {@code null} for all
     */
    public List<FaqChange> list(Path kbDirectory, String item, int limit) {
        List<FaqChange> all = read(kbDirectory);
        List<FaqChange> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (item == null || item.equals(all.get(i).item())) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    public Optional<FaqChange> find(Path kbDirectory, String id) {
        return read(kbDirectory).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static List<FaqChange> read(Path kbDirectory) {
        Path file = fileOf(kbDirectory);
        synchronized (FaqHistory.class) {
            if (!Files.exists(file)) {
                return Collections.emptyList();
            }
            try {
                List<FaqChange> out = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        try {
                            out.add(JSON.readValue(line, FaqChange.class));
                        } catch (RuntimeException e) {
                            // a damaged line (a crash mid-append) is skipped, the rest of the history stays usable
                        }
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the FAQ history " + file, e);
            }
        }
    }
}
