package org.civicassist.eval.run;

import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;

/**
 * Untimed turns before the timed ones, so that latency per judged turn is that of a server which has been answering
 * (its JIT compiled, the embedding model's session warm), not of a JVM's first seconds: in a cold run the first turn
 * took 1.2 s and the first few dozen tens of milliseconds, which alone made a set's p99. The texts are the KB's own
 * (its FAQs' questions, then its guides' titles), never the questions judged, and the harness's assistant keeps no
 * results between turns (no answer cache), so nothing asked here makes a judged turn faster than a new question.
 */
public final class WarmUp {

    /** Enough for the hot paths to be compiled (a second pass over a question set is no faster than this). */
    public static final int TURNS = 200;

    private WarmUp() {
    }

    /** Asks the KB's texts, each as a new conversation, up to {@code turns}; returns how many were asked. */
    public static int run(Assistant assistant, KnowledgeBase kb, int turns) {
        List<String> texts = texts(kb, turns);
        for (String text : texts) {
            assistant.respond(DialogueState.initial(), text);
        }
        return texts.size();
    }

    static List<String> texts(KnowledgeBase kb, int turns) {
        List<String> out = new ArrayList<>();
        for (Faq f : kb.faqs()) {
            if (out.size() >= turns) {
                return out;
            }
            out.add(f.question());
        }
        for (Guide g : kb.guides()) {
            if (out.size() >= turns) {
                return out;
            }
            out.add(g.title());
        }
        return out;
    }
}
