package org.civicassist.kb.load;

/**
 * Something wrong in a knowledge-base file, precise enough for a maintainer to fix it.
 *
 * @param file    path of the file relative to the KB directory ({@code faq.jsonl}, {@code guides/x.md})
 * @param line    1-based line number, or 0 when the problem concerns the whole file
 * @param message what is wrong, in plain words
 */
public record KbProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
