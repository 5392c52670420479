package org.civicassist.nlp.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain UTF-8 files maintainers edit. Common format of every list: one entry per line, surrounding white
 * space ignored, blank lines and lines starting with {@code #} ignored, a byte-order mark tolerated. Sectioned files
 * group lines under {@code [NAME]} headers.
 */
public final class WordListFile {

    private WordListFile() {
    }

    /** The meaningful lines of {@code in}; fails with the file and line on bytes that are not UTF-8. */
    public static List<SourceLine> read(String source, InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<SourceLine> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            int number = 0;
            String line;
            while (true) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new WordListFormatException(source, number + 1, "not UTF-8 text");
                }
                if (line == null) {
                    break;
                }
                number++;
                String text = (number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    lines.add(new SourceLine(source, number, text));
                }
            }
        }
        return lines;
    }

    /**
     * Groups lines under their {@code [NAME]} headers, in file order. A line before the first header, an empty or
     * repeated header is an error.
     */
    public static Map<String, Section> sections(List<SourceLine> lines) {
        Map<String, Section> sections = new LinkedHashMap<>();
        List<SourceLine> current = null;
        for (SourceLine line : lines) {
            String text = line.text();
            if (text.startsWith("[")) {
                if (!text.endsWith("]") || text.length() < 3) {
                    throw line.error("a section header is [NAME]");
                }
                String name = text.substring(1, text.length() - 1).strip();
                if (sections.containsKey(name)) {
                    throw line.error("section [" + name + "] appears twice");
                }
                current = new ArrayList<>();
                sections.put(name, new Section(name, line, current));
            } else if (current == null) {
                throw line.error("entry before the first [SECTION] header");
            } else {
                current.add(line);
            }
        }
        return sections;
    }

    /** Lines under one {@code [NAME]} header. */
    public record Section(String name, SourceLine header, List<SourceLine> lines) {
    }

    /** A single entry (one word or phrase, no white space inside). */
    public static String singleEntry(SourceLine line) {
        String text = line.text();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                throw line.error("one entry per line, without white space inside");
            }
        }
        return text;
    }
}
