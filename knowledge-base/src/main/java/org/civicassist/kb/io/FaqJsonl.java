package org.civicassist.kb.io;

import org.civicassist.kb.model.Faq;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes FAQs as {@code faq.jsonl} in the KB format: one object a line, fields in the documented order. */
public final class FaqJsonl {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FaqJsonl() {
    }

    public static String toJsonl(List<Faq> faqs) {
        StringBuilder out = new StringBuilder();
        for (Faq faq : faqs) {
            out.append(toLine(faq, null)).append('\n');
        }
        return out.toString();
    }

    /**
     * Replaces {@code file} in one step (write aside, then rename), so that a watcher reloading the KB, or a crash,
     * never sees half a file. Under the same lock as the one-line changes ({@link #addSimilar}, {@link #replaceLine}),
     * so that a whole-file import and a one-line change never interleave.
     */
    public static synchronized void write(Path file, List<Faq> faqs) {
        AtomicFile.replace(file, out -> out.write(toJsonl(faqs).getBytes(StandardCharsets.UTF_8)));
    }

    /** What {@link #addSimilar} did. */
    public enum AddOutcome {
        /** The question was appended to the FAQ's {@code similar} and the file replaced. */
        ADDED,
        /** The FAQ already has this question (as its question or a similar one): the file is unchanged. */
        ALREADY_PRESENT,
        /** No line of the file has this id (or it cannot be parsed): the file is unchanged. */
        NO_SUCH_FAQ
    }

    /**
     * Appends {@code question} to the {@code similar} list of the FAQ {@code faqId} in {@code file}, editing that one
     * line: every other line (comments, blank lines, entries the lenient loader skips) stays byte for byte as it was,
     * and the file is replaced in one step ({@link AtomicFile}), so that the KB watcher never sees half a file.
     *
     * @throws FaqSheetException ({@link FaqSheetException.Reason#IO}) when the file cannot be read or written
     */
    public static synchronized AddOutcome addSimilar(Path file, String faqId, String question) {
        List<String> lines;
        try {
            lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        } catch (IOException e) {
            throw new FaqSheetException(FaqSheetException.Reason.IO, "cannot read " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
        String wanted = question.strip();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || !line.contains(faqId)) {
                continue;
            }
            JsonNode parsed;
            try {
                parsed = JSON.readTree(line);
            } catch (JacksonException e) {
                continue;
            }
            if (!(parsed instanceof ObjectNode node) || !faqId.equals(node.path("id").asString(null))) {
                continue;
            }
            if (wanted.equals(node.path("question").asString("").strip())) {
                return AddOutcome.ALREADY_PRESENT;
            }
            JsonNode similar = node.get("similar");
            ArrayNode list;
            if (similar instanceof ArrayNode existing) {
                list = existing;
            } else {
                // keep the documented field order: similar right after question
                ObjectNode rebuilt = JSON.createObjectNode();
                node.properties().forEach(en -> {
                    rebuilt.set(en.getKey(), en.getValue());
                    if (en.getKey().equals("question")) {
                        rebuilt.putArray("similar");
                    }
                });
                if (!rebuilt.has("similar")) {
                    rebuilt.putArray("similar");
                }
                node = rebuilt;
                list = (ArrayNode) node.get("similar");
            }
            for (JsonNode s : list) {
                if (wanted.equals(s.asString("").strip())) {
                    return AddOutcome.ALREADY_PRESENT;
                }
            }
            list.add(wanted);
            boolean crlf = line.endsWith("\r");
            lines.set(i, JSON.writeValueAsString(node) + (crlf ? "\r" : ""));
            String content = String.join("\n", lines);
            AtomicFile.replace(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
            return AddOutcome.ADDED;
        }
        return AddOutcome.NO_SUCH_FAQ;
    }

    /**
     * The line of the FAQ {@code faqId} in {@code file} as it is written (without a trailing carriage return), or
     * empty when no line of the file has this id.
     *
     * @throws FaqSheetException ({@link FaqSheetException.Reason#IO}) when the file cannot be read
     */
    public static synchronized java.util.Optional<String> line(Path file, String faqId) {
        List<String> lines = readLines(file);
        int i = indexOf(lines, faqId);
        return i < 0 ? java.util.Optional.empty() : java.util.Optional.of(stripCr(lines.get(i)));
    }

    /** A one-line change of faq.jsonl: the FAQ's line before and after (equal when nothing was written). */
    public record LineChange(String before, String after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /**
     * Replaces the line of the FAQ {@code faqId} with what {@code change} makes of it, as {@link #addSimilar} does:
     * every other line stays byte for byte as it was and the file is replaced in one step. Reading, changing and
     * writing happen under the same lock as {@link #addSimilar}, so two edits never overwrite each other unseen.
     *
     * @param change given the current line (without a trailing carriage return), returns the new one (a single line
     *               of JSON); may throw to refuse the change, and nothing is written then
     * @return the change, or empty when no line of the file has this id (the file is unchanged)
     * @throws FaqSheetException ({@link FaqSheetException.Reason#IO}) when the file cannot be read or written
     */
    public static synchronized java.util.Optional<LineChange> replaceLine(Path file, String faqId,
                                                                         java.util.function.UnaryOperator<String> change) {
        List<String> lines = readLines(file);
        int i = indexOf(lines, faqId);
        if (i < 0) {
            return java.util.Optional.empty();
        }
        String before = stripCr(lines.get(i));
        String after = change.apply(before);
        if (after.indexOf('\n') >= 0 || after.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a faq.jsonl entry is one line");
        }
        if (!after.equals(before)) {
            lines.set(i, after + (lines.get(i).endsWith("\r") ? "\r" : ""));
            String content = String.join("\n", lines);
            AtomicFile.replace(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
        }
        return java.util.Optional.of(new LineChange(before, after));
    }

    /**
     * The line of {@code faq} in the documented format and field order ({@code id}, {@code domain},
     * {@code question}, {@code similar}, {@code answer}, {@code guide}), keeping any other field of {@code previous}
     * (the FAQ's line before the edit, or {@code null}) after them.
     */
    public static String toLine(Faq faq, String previous) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", faq.id());
        node.put("domain", faq.domain());
        node.put("question", faq.question());
        ArrayNode similar = node.putArray("similar");
        faq.similar().forEach(similar::add);
        node.put("answer", faq.answer());
        if (faq.guideId() == null) {
            node.putNull("guide");
        } else {
            node.put("guide", faq.guideId());
        }
        if (previous != null) {
            try {
                if (JSON.readTree(previous) instanceof ObjectNode old) {
                    old.properties().forEach(en -> {
                        if (!node.has(en.getKey())) {
                            node.set(en.getKey(), en.getValue());
                        }
                    });
                }
            } catch (JacksonException e) {
                // an unreadable previous line has no other fields to keep
            }
        }
        return JSON.writeValueAsString(node);
    }

    private static List<String> readLines(Path file) {
        try {
            return new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        } catch (IOException e) {
            throw new FaqSheetException(FaqSheetException.Reason.IO, "cannot read " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The index of the first parseable line whose {@code id} is {@code faqId} (as the loader keeps the first). */
    private static int indexOf(List<String> lines, String faqId) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || !line.contains(faqId)) {
                continue;
            }
            try {
                if (JSON.readTree(line) instanceof ObjectNode node && faqId.equals(node.path("id").asString(null))) {
                    return i;
                }
            } catch (JacksonException e) {
                // not an entry
            }
        }
        return -1;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
