package org.civicassist.nlp.lexicon;

/** A word-list file has a line that cannot be read; the message names the file and the line. */
public final class WordListFormatException extends RuntimeException {

    private final String source;
    private final int line;

    public WordListFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
