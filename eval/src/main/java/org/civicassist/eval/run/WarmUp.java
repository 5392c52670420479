package org.civicassist.eval.run;

import org.civicassist.eval.respond.Respondent;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.KnowledgeBase;

import java.util.List;
import java.util.stream.Stream;

/**
 * Untimed turns before the timed ones, so that latency per judged turn is that of a server which has been answering
 * (its JIT compiled, the embedding model's session warm), not of a JVM's first seconds: in a cold run the first turn
 * took 1.2 s and the first few dozen tens of milliseconds, which alone made a set's p99. The texts are the KB's own
 * (its FAQs' questions, then its guides' titles), never the questions judged, and the harness's assistant keeps no
 * results between turns (no answer cache), so nothing asked here makes a judged turn faster than a new question. The
 * runner warms up only in process and without a language model: a server asked over HTTP is someone's running server
 * (warm it before measuring it), and with a model every turn would be a call to it.
 */
public final class WarmUp {

    /**
     * Enough for the hot paths to be compiled: a fresh server asked the dialogue questions over HTTP after 200 such
     * turns (sent through this class) answered them in p50 18.6 ms, after 500 in 15.9 ms. In process, three passes
     * over the common questions in a fresh JVM had p99 52.6 ms (its first turn 1.2 s), then 19.2 and 20.1 ms.
     */
    public static final int TURNS = 500;

    private WarmUp() {
    }

    /** Asks the KB's texts, each in a new conversation, up to {@code turns}; returns how many were asked. */
    public static int run(Respondent respondent, KnowledgeBase kb, int turns) {
        List<String> texts = texts(kb, turns);
        for (String text : texts) {
            respondent.open().say(text);
        }
        return texts.size();
    }

    static List<String> texts(KnowledgeBase kb, int turns) {
        return Stream.concat(kb.faqs().stream().map(Faq::question), kb.guides().stream().map(Guide::title))
                .limit(turns).toList();
    }
}
