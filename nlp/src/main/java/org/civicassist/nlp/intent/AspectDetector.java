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
 * aspects are cued, the one whose cue ends last wins (a longer cue on a tie), and the overview only when no other aspect is cued: citizens put the actual question at
 * the end ("我社保卡丢了 … 咋补 能当天拿到不").
 */
public final class AspectDetector {

    private final CueMatcher<Aspect> cues;

    private AspectDetector(CueMatcher<Aspect> cues) {
        this.cues = cues;
    }

    /** The bundled cues ({@code aspects.txt}); the facade builds it from the word lists in use instead. */
    public AspectDetector() {
        this(bundledCues());
    }

    /** Literal cues per aspect (no file). */
    public AspectDetector(Map<Aspect, List<String>> literalCues) {
        this(CueMatcher.compile(toLines(literalCues), UnaryOperator.identity()));
    }

    public static AspectDetector parse(List<SourceLine> lines, UnaryOperator<String> normalize) {
        Map<Aspect, List<SourceLine>> byAspect = new EnumMap<>(Aspect.class);
        for (WordListFile.Section section : WordListFile.sections(lines).values()) {
            try {
                byAspect.put(Aspect.valueOf(section.name()), section.lines());
            } catch (IllegalArgumentException e) {
                throw section.header().error("unknown aspect; expected one of " + List.of(Aspect.values()));
            }
        }
        return new AspectDetector(CueMatcher.compile(byAspect, normalize));
    }

    /**
     * The aspect whose cue ends last; {@link Aspect#OVERVIEW} ("是什么") only when nothing more specific is cued,
     * since "条件是什么" asks for the conditions.
     */
    public Optional<Aspect> detect(String text) {
        List<CueMatcher.Match<Aspect>> found = cues.findAll(text);
        Optional<Aspect> specific = latest(found, true);
        return specific.isPresent() ? specific : latest(found, false);
    }

    private static Optional<Aspect> latest(List<CueMatcher.Match<Aspect>> found, boolean skipOverview) {
        Aspect best = null;
        int bestEnd = -1;
        int bestLength = 0;
        for (CueMatcher.Match<Aspect> m : found) {
            if (skipOverview && m.label() == Aspect.OVERVIEW) {
                continue;
            }
            int length = m.end() - m.start();
            if (m.end() > bestEnd || (m.end() == bestEnd && length > bestLength)) {
                best = m.label();
                bestEnd = m.end();
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    private static CueMatcher<Aspect> bundledCues() {
        String resource = "/org/civicassist/nlp/aspects.txt";
        try (InputStream in = AspectDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled aspect cues missing from the build: " + resource);
            }
            TextNormalizer normalizer = new TextNormalizer();
            return parse(WordListFile.read(resource, in), normalizer::normalizeToString).cues;
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
