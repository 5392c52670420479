package org.civicassist.nlp;

import org.civicassist.nlp.intent.AspectDetector;
import org.civicassist.nlp.intent.SignalDetector;
import org.civicassist.nlp.lexicon.SourceLine;
import org.civicassist.nlp.lexicon.WordListFile;
import org.civicassist.nlp.lexicon.WordListFormatException;
import org.civicassist.nlp.normalize.TextNormalizer;
import org.civicassist.nlp.rewrite.AliasLexicon;
import org.civicassist.nlp.segment.TermDictionary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every word list of the module, parsed and validated. Maintainers edit plain UTF-8 files (see each file's header
 * for its format); {@link #load(Path)} takes each of {@link #FILES} from a directory when present there and the
 * bundled one otherwise. Entries are normalised like citizen text (simplified, half-width, lower case), so a list may
 * be written in traditional or full-width characters. A malformed line fails loading with its file and line.
 *
 * @param dictionary     government-service terms (dictionary.txt): kept whole by segmentation, reported as domain
 *                       terms, targets of homophone correction
 * @param stopwords      words the analyzer drops (stopwords.txt)
 * @param aliases        colloquial words and abbreviations → canonical word (aliases.txt)
 * @param sensitiveWords abusive and sensitive words (sensitive-words.txt)
 * @param signals        intent-signal cue families (signals.txt)
 * @param aspects        service-aspect cues (aspects.txt)
 * @param fingerprint    changes whenever a list that changes how text is indexed changes (dictionary, aliases,
 *                       stop words) or the analysis code does ({@link #ANALYSIS_VERSION})
 */
public record WordLists(TermDictionary dictionary, Set<String> stopwords, AliasLexicon aliases,
                        Set<String> sensitiveWords, SignalDetector signals, AspectDetector aspects,
                        String fingerprint) {

    /** Bump when a code change alters the tokens the analyzer emits, so indexes keyed by the fingerprint rebuild. */
    public static final String ANALYSIS_VERSION = "2";

    public static final String DICTIONARY = "dictionary.txt";
    public static final String STOPWORDS = "stopwords.txt";
    public static final String ALIASES = "aliases.txt";
    public static final String SENSITIVE_WORDS = "sensitive-words.txt";
    public static final String SIGNALS = "signals.txt";
    public static final String ASPECTS = "aspects.txt";
    public static final List<String> FILES = List.of(DICTIONARY, STOPWORDS, ALIASES, SENSITIVE_WORDS, SIGNALS, ASPECTS);

    static final String BUNDLED_DIR = "/org/civicassist/nlp/";

    public WordLists {
        stopwords = Collections.unmodifiableSet(new LinkedHashSet<>(stopwords));
        sensitiveWords = Collections.unmodifiableSet(new LinkedHashSet<>(sensitiveWords));
    }

    private static final class Bundled {
        static final WordLists INSTANCE = read(null);
    }

    /** The lists bundled with the module. */
    public static WordLists bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * The lists of {@code dir}: each file of {@link #FILES} present there replaces the bundled one. Any other
     * {@code .txt} file in it is an error (most likely a misspelt name that would otherwise be ignored silently).
     */
    public static WordLists load(Path dir) {
        if (!Files.exists(dir)) {
            throw new UncheckedIOException(new NoSuchFileException(dir.toString(), null, "word-list directory not found"));
        }
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new NotDirectoryException(dir.toString()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> unknown = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".txt") && !FILES.contains(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new WordListFormatException(dir.resolve(unknown.get(0)).toString(), 0,
                        "unknown word-list file; expected any of " + FILES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list word-list directory " + dir, e);
        }
        return read(dir);
    }

    private static WordLists read(Path dir) {
        TextNormalizer normalizer = new TextNormalizer();
        UnaryOperator<String> normalize = normalizer::normalizeToString;
        TermDictionary dictionary = new TermDictionary(entries(lines(dir, DICTIONARY), normalize));
        Set<String> stopwords = entries(lines(dir, STOPWORDS), normalize);
        AliasLexicon aliases = AliasLexicon.parse(lines(dir, ALIASES), normalize);
        Set<String> sensitive = entries(lines(dir, SENSITIVE_WORDS), normalize);
        SignalDetector signals = SignalDetector.parse(lines(dir, SIGNALS), normalize);
        AspectDetector aspects = AspectDetector.parse(lines(dir, ASPECTS), normalize);
        String fingerprint = fingerprint(dictionary, stopwords, aliases);
        return new WordLists(dictionary, stopwords, aliases, sensitive, signals, aspects, fingerprint);
    }

    /** Lines of {@code name}: from {@code dir} when it has the file, else bundled. */
    private static List<SourceLine> lines(Path dir, String name) {
        if (dir != null && Files.isRegularFile(dir.resolve(name))) {
            Path file = dir.resolve(name);
            try (InputStream in = Files.newInputStream(file)) {
                return WordListFile.read(file.toString(), in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read word list " + file, e);
            }
        }
        String resource = BUNDLED_DIR + name;
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled word list missing from the build: " + resource);
            }
            return WordListFile.read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One word per line, normalised; a line with white space inside or without any letter is an error. */
    private static Set<String> entries(List<SourceLine> lines, UnaryOperator<String> normalize) {
        Set<String> out = new LinkedHashSet<>();
        for (SourceLine line : lines) {
            String entry = normalize.apply(WordListFile.singleEntry(line));
            if (entry.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw line.error("an entry needs at least one letter or digit");
            }
            out.add(entry);
        }
        return out;
    }

    private static String fingerprint(TermDictionary dictionary, Set<String> stopwords, AliasLexicon aliases) {
        List<String> parts = new ArrayList<>();
        parts.add("analysis " + ANALYSIS_VERSION);
        parts.add("dictionary " + String.join("\n", new TreeSet<>(dictionary.terms())));
        parts.add("stopwords " + String.join("\n", new TreeSet<>(stopwords)));
        List<String> aliasLines = new ArrayList<>();
        aliases.asMap().forEach((alias, canonical) -> aliasLines.add(alias + "=" + canonical));
        Collections.sort(aliasLines);
        parts.add("aliases " + String.join("\n", aliasLines));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
