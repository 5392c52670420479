package org.civicassist.nlp.intent;

import org.civicassist.nlp.lexicon.SourceLine;
import org.civicassist.nlp.lexicon.WordListFile;

import org.civicassist.nlp.normalize.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the aspect a question asks about from cue words (多久 → time limit, 带什么 → materials …), read from
 * {@code aspects.txt}: one section per {@link Aspect} ({@code [TIME_LIMIT]} …), each line a cue in
 * {@link CueMatcher} syntax. Works on normalised text with canonical words (咋 → 怎么, 啥 → 什么). When several
 * aspects are cued, the one whose cue ends last wins (a longer cue on a tie): citizens put the actual question at
 * the end ("我社保卡丢了 … 咋补 能当天拿到不"). A section named {@code [ASPECT/fallback]} holds cues that only
 * count when no other cue is found: question forms that take their subject from the rest of the sentence ("是什么"
 * asks for the overview, "能办吗" for the conditions — unless "条件是什么", "网上能办吗", "周末能办吗" say what).
 */
public final class AspectDetector {

    /** Suffix of a section whose cues count only when no other cue is found. */
    static final String FALLBACK = "/fallback";

    private final CueMatcher<Aspect> cues;
    private final CueMatcher<Aspect> fallbackCues;

    private AspectDetector(CueMatcher<Aspect> cues, CueMatcher<Aspect> fallbackCues) {
        this.cues = cues;
        this.fallbackCues = fallbackCues;
    }

    /** The bundled cues ({@code aspects.txt}); the facade builds it from the word lists in use instead. */
    public AspectDetector() {
        this(bundled());
    }

    private AspectDetector(AspectDetector parsed) {
        this(parsed.cues, parsed.fallbackCues);
    }

    /** Literal cues per aspect (no file, no fallback cues). */
    public AspectDetector(Map<Aspect, List<String>> literalCues) {
        this(CueMatcher.compile(toLines(literalCues), UnaryOperator.identity()),
                CueMatcher.compile(new EnumMap<>(Aspect.class), UnaryOperator.identity()));
    }

    public static AspectDetector parse(List<SourceLine> lines, UnaryOperator<String> normalize) {
        Map<Aspect, List<SourceLine>> primary = new EnumMap<>(Aspect.class);
        Map<Aspect, List<SourceLine>> fallback = new EnumMap<>(Aspect.class);
        for (WordListFile.Section section : WordListFile.sections(lines).values()) {
            boolean isFallback = section.name().endsWith(FALLBACK);
            String name = isFallback ? section.name().substring(0, section.name().length() - FALLBACK.length())
                    : section.name();
            try {
                (isFallback ? fallback : primary).put(Aspect.valueOf(name), section.lines());
            } catch (IllegalArgumentException e) {
                throw section.header().error("unknown aspect; expected one of " + List.of(Aspect.values())
                        + ", optionally followed by " + FALLBACK);
            }
        }
        return new AspectDetector(CueMatcher.compile(primary, normalize), CueMatcher.compile(fallback, normalize));
    }

    /** The aspect whose cue ends last; a fallback cue's only when no other cue is found. */
    public Optional<Aspect> detect(String text) {
        Optional<Aspect> specific = latest(cues.findAll(text));
        return specific.isPresent() ? specific : latest(fallbackCues.findAll(text));
    }

    /**
     * Whether the whole word is a cue of an aspect (工本费, 多久): such a word says what is asked about a service, not
     * which service, even where the domain dictionary lists it to keep it in one piece.
     */
    public boolean isCue(String word) {
        return cues.findAll(word).stream().anyMatch(m -> m.start() == 0 && m.end() == word.length());
    }

    private static Optional<Aspect> latest(List<CueMatcher.Match<Aspect>> found) {
        Aspect best = null;
        int bestEnd = -1;
        int bestLength = 0;
        for (CueMatcher.Match<Aspect> m : found) {
            int length = m.end() - m.start();
            if (m.end() > bestEnd || (m.end() == bestEnd && length > bestLength)) {
                best = m.label();
                bestEnd = m.end();
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    private static AspectDetector bundled() {
        String resource = "/org/civicassist/nlp/aspects.txt";
        try (InputStream in = AspectDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled aspect cues missing from the build: " + resource);
            }
            TextNormalizer normalizer = new TextNormalizer();
            return parse(WordListFile.read(resource, in), normalizer::normalizeToString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Aspect, List<SourceLine>> toLines(Map<Aspect, List<String>> literalCues) {
        Map<Aspect, List<SourceLine>> lines = new EnumMap<>(Aspect.class);
        literalCues.forEach((aspect, cues) -> {
            List<SourceLine> l = new ArrayList<>();
            for (int i = 0; i < cues.size(); i++) {
                l.add(new SourceLine("cues of " + aspect, i + 1, cues.get(i)));
            }
            lines.put(aspect, l);
        });
        return lines;
    }
}
