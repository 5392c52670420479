package org.civicassist.eval.question;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a question file: JSON lines with id, question or turns, kind, expect, optional accept; or dialogues, JSON
 * lines {@code {"id", "kind": "dialogue", "turns": [{"text", "expect": [...], "context": true?}, …]}}.
 */
public final class QuestionSet {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DIALOGUE = "dialogue";

    private QuestionSet() {
    }

    /** The single questions of a file, for commands that take no dialogues (fit, load). */
    public static List<Question> load(Path file) {
        QuestionFile read = read(file);
        if (read.ofDialogues()) {
            throw new IllegalArgumentException(file + " holds dialogues; this command takes single questions");
        }
        return read.questions();
    }

    public static QuestionFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read questions " + file, e);
        }
        List<Question> questions = new ArrayList<>();
        List<Dialogue> dialogues = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode d = JSON.readTree(line);
                if (DIALOGUE.equals(d.path("kind").asString(""))) {
                    dialogues.add(parseDialogue(d));
                } else {
                    questions.add(parse(d));
                }
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a question: " + e.getMessage(), e);
            }
        }
        try {
            return new QuestionFile(questions, dialogues);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static Dialogue parseDialogue(JsonNode d) {
        List<Dialogue.Turn> turns = new ArrayList<>();
        d.required("turns").forEach(t -> turns.add(new Dialogue.Turn(t.required("text").asString(),
                strings(t.get("expect")), t.path("context").asBoolean(false))));
        return new Dialogue(d.required("id").asString(), turns);
    }

    static Question parse(JsonNode d) {
        List<String> turns = new ArrayList<>();
        if (d.has("turns")) {
            d.get("turns").forEach(t -> turns.add(t.asString()));
        } else {
            turns.add(d.required("question").asString());
        }
        Question.Kind kind = Question.Kind.valueOf(
                d.has("kind") ? d.get("kind").asString().toUpperCase(Locale.ROOT) : "ANSWERABLE");
        return new Question(d.required("id").asString(), kind, turns, strings(d.get("expect")),
                strings(d.get("accept")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asString()));
        }
        return out;
    }
}
