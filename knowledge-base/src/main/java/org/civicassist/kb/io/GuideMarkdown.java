package org.civicassist.kb.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Changes one {@code ## } section of a guide file ({@code guides/*.md}: front matter between {@code ---} lines, then
 * sections) as text, so that everything else — the front matter, the other sections, blank lines, the line endings —
 * stays byte for byte as the maintainer wrote it. Whether the result still reads as the same guide is for the caller
 * to check with the loader.
 */
public final class GuideMarkdown {

    private GuideMarkdown() {
    }

    /**
     * The guide's text with the section headed {@code heading} (the first one, as the loader finds it) replaced by
     * {@code newHeading} and {@code newBody}; the blank lines after the old body are kept.
     *
     * @param newBody the section's Markdown, without its heading; must not contain a line starting with {@code ## }
     * @return empty when the text has no front matter or no such section
     */
    public static Optional<String> replaceSection(String text, String heading, String newHeading, String newBody) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        int close = frontMatterEnd(lines);
        if (close < 0) {
            return Optional.empty();
        }
        int start = -1;
        for (int i = close + 1; i < lines.size(); i++) {
            if (isHeading(lines.get(i)) && lines.get(i).substring(3).strip().equals(heading)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        int end = start + 1;
        while (end < lines.size() && !isHeading(lines.get(end))) {
            end++;
        }
        int tail = end;
        while (tail > start + 1 && lines.get(tail - 1).isBlank()) {
            tail--;
        }
        List<String> block = new ArrayList<>();
        block.add("## " + newHeading.strip());
        block.addAll(Arrays.asList(newBody.strip().split("\r?\n", -1)));
        block.addAll(lines.subList(tail, end));
        List<String> out = new ArrayList<>(lines.subList(0, start));
        out.addAll(block);
        out.addAll(lines.subList(end, lines.size()));
        return Optional.of(String.join(eol, out));
    }

    /** Whether a line of a section body would start a section of its own. */
    public static boolean isHeading(String line) {
        return line.startsWith("## ");
    }

    /** Replaces the guide file in one step (written aside, then renamed over it), so a reload never sees half. */
    public static void write(Path file, String text) {
        AtomicFile.replace(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").strip().equals("---")) {
            return -1;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                return i;
            }
        }
        return -1;
    }
}
