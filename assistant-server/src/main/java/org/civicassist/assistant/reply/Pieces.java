package org.civicassist.assistant.reply;

import java.util.ArrayList;
import java.util.List;

/** A reply's text cut after sentence ends and line breaks, so that a client can show it as it arrives. */
public final class Pieces {

    private Pieces() {
    }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '。' || c == '；' || c == '！' || c == '？') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
