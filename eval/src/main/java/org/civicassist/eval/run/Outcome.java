package org.civicassist.eval.run;

import java.util.List;

/**
 * How a system replied to the judged (last) turn of a question.
 *
 * @param type        answer, clarify, handoff or refuse
 * @param citations   the reply's citations, first is the item answered from
 * @param confidence  the reply's confidence
 * @param ranked      the retrieval ranking behind it, best first (empty when not observable, e.g. over HTTP)
 * @param latencyNanos time of the judged turn
 * @param handoffReason the reason of a handoff, when known
 */
public record Outcome(String type, List<Cited> citations, double confidence, List<Cited> ranked, long latencyNanos,
                      String handoffReason) {

    /** A KB item as cited or ranked: FAQ id or guide id, and the guide section if any. */
    public record Cited(String id, String section) {
        public String key() {
            return section == null ? id : id + "#" + section;
        }
    }

    public Outcome {
        citations = List.copyOf(citations);
        ranked = List.copyOf(ranked);
    }

    public boolean isAnswer() {
        return "answer".equals(type);
    }
}
