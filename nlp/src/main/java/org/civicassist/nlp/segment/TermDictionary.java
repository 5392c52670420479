package org.civicassist.nlp.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A plain word list that maintainers edit: one term per line, {@code #} starts a comment line, blank lines are
 * ignored. Used for the government-service dictionary that segmentation must keep whole.
 */
public final class TermDictionary {

    public static final String DEFAULT_RESOURCE = "/org/civicassist/nlp/dictionary.txt";

    private final Set<String> terms;

    public TermDictionary(Collection<String> terms) {
        this.terms = Collections.unmodifiableSet(new LinkedHashSet<>(terms));
    }

    /** The bundled government-service dictionary. Fails loudly if the resource is missing from the build. */
    public static TermDictionary bundled() {
        try (InputStream in = TermDictionary.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled dictionary missing: " + DEFAULT_RESOURCE);
            }
            return new TermDictionary(readWordList(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TermDictionary load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new TermDictionary(readWordList(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + file, e);
        }
    }

    public TermDictionary plus(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(terms);
        all.addAll(more);
        return new TermDictionary(all);
    }

    public Set<String> terms() {
        return terms;
    }

    public boolean contains(String term) {
        return terms.contains(term);
    }

    /** Reads a word list: one entry per line, {@code #} comment lines and blank lines skipped, BOM tolerated. */
    public static Set<String> readWordList(InputStream in) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String term = line.strip();
                if (term.startsWith("\uFEFF")) {
                    term = term.substring(1);
                }
                if (!term.isEmpty() && !term.startsWith("#")) {
                    out.add(term);
                }
            }
        }
        return out;
    }
}
