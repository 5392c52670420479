package org.civicassist.assistant.llm;

import java.util.ArrayList;
import java.util.List;

/** Cuts a stream of tokens into sentences (after 。！？；!?; and line breaks), so each can be checked whole. */
final class SentenceSplitter {

    private final StringBuilder pending = new StringBuilder();

    /** Adds a token; returns the sentences it completed, in order. */
    List<String> add(String token) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            pending.append(c);
            if (endsSentence(c)) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        return out;
    }

    /** What is left after the last sentence end. */
    String rest() {
        String rest = pending.toString();
        pending.setLength(0);
        return rest;
    }

    /** The whole text in sentences. */
    static List<String> split(String text) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> out = new ArrayList<>(splitter.add(text));
        String rest = splitter.rest();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private static boolean endsSentence(char c) {
        return c == '\n' || c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
    }
}
