package org.civicassist.nlp.lexicon;

/**
 * One meaningful line of a word-list file (trimmed; comments and blank lines never become one), with where it came
 * from so that a loader can say which line is wrong.
 */
public record SourceLine(String source, int number, String text) {

    public WordListFormatException error(String problem) {
        return new WordListFormatException(source, number, problem + ": \"" + text + "\"");
    }
}
