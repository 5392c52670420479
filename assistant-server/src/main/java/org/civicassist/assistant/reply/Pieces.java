package org.civicassist.assistant.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * A reply's text cut into sentences, after 。！？；!?; and line breaks: so that a client can show it as it arrives,
 * and so that a written answer streamed token by token can be checked a whole sentence at a time. {@link #of} cuts a
 * whole text; an instance cuts a stream of tokens ({@link #add}, then {@link #rest}). Instances are not thread-safe.
 */
public final class Pieces {

    private final StringBuilder pending = new StringBuilder();

    /** The whole text in pieces: each ends with a sentence end or a line break, except perhaps the last. */
    public static List<String> of(String text) {
        Pieces pieces = new Pieces();
        List<String> out = new ArrayList<>(pieces.add(text));
        String rest = pieces.rest();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** Adds a token of a stream; returns the pieces it completed, in order. */
    public List<String> add(String token) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            pending.append(c);
            if (endsPiece(c)) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        return out;
    }

    /** What is left after the last sentence end (and is forgotten). */
    public String rest() {
        String rest = pending.toString();
        pending.setLength(0);
        return rest;
    }

    private static boolean endsPiece(char c) {
        return c == '\n' || c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
    }
}
