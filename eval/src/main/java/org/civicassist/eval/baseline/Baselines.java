package org.civicassist.eval.baseline;

import org.civicassist.eval.respond.Outcome;
import org.civicassist.eval.respond.Respondent;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** What the baselines share: the text they index per passage, and how a ranking becomes a reply. */
final class Baselines {

    static final int RANKED = 10;

    private Baselines() {
    }

    /** The passage as a plain retrieval system would index it: question and answer, or title, heading and text. */
    static String text(Passage p) {
        return p.kind() == PassageKind.FAQ ? p.questions().get(0) + "\n" + p.text()
                : p.title() + " " + p.section() + "：" + p.text();
    }

    /**
     * A baseline's conversation: it has no dialogue state, so each message is searched as the conversation's messages
     * so far, joined (a multi-turn question as its turns joined, a dialogue turn with the turns before it).
     */
    static final class JoinedTurns implements Respondent.Conversation {
        private final Function<String, Outcome> search;
        private final List<String> turns = new ArrayList<>();

        JoinedTurns(Function<String, Outcome> search) {
            this.search = search;
        }

        @Override
        public Outcome say(String text) {
            turns.add(text);
            return search.apply(String.join(" ", turns));
        }

        /** One search of all the messages joined: the earlier ones alone are never judged. */
        @Override
        public Outcome sayAll(List<String> texts) {
            turns.addAll(texts);
            return search.apply(String.join(" ", turns));
        }
    }

    /** A baseline always answers with its first item; the ranking is its unique items, best first. */
    static Outcome answerWithFirst(List<Passage> rankedPassages, long nanos) {
        Set<String> seen = new LinkedHashSet<>();
        List<Outcome.Cited> ranked = new ArrayList<>();
        for (Passage p : rankedPassages) {
            if (seen.add(p.citationKey())) {
                ranked.add(new Outcome.Cited(p.itemId(), p.section()));
            }
            if (ranked.size() == RANKED) {
                break;
            }
        }
        if (ranked.isEmpty()) {
            return new Outcome("handoff", List.of(), 0, List.of(), nanos, null);
        }
        return new Outcome("answer", List.of(ranked.get(0)), 1.0, ranked, nanos, null);
    }
}
