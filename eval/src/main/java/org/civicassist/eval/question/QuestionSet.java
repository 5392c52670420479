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

/** Reads a question file: JSON lines with id, question or turns, kind, expect, optional accept. */
public final class QuestionSet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuestionSet() {
    }

    public static List<Question> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read questions " + file, e);
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(parse(JSON.readTree(line)));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a question: " + e.getMessage(), e);
            }
        }
        return out;
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
