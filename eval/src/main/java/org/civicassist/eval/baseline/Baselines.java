package org.civicassist.eval.baseline;

import org.civicassist.eval.question.Question;
import org.civicassist.eval.run.Outcome;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /** Multi-turn questions are asked as the turns joined: a baseline has no dialogue state. */
    static String query(Question q) {
        return String.join(" ", q.turns());
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
