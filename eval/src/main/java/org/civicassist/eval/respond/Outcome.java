package org.civicassist.eval.respond;

import java.util.List;

/**
 * How a system replied to one turn (for a question, the judged last turn).
 *
 * @param type        answer, clarify, handoff or refuse
 * @param citations   the reply's citations, first is the item answered from
 * @param confidence  the reply's confidence
 * @param ranked      the retrieval ranking behind it, best first (empty when not observable, e.g. over HTTP)
 * @param latencyNanos time of the turn
 * @param handoffReason the reason of a handoff, when known
 * @param options     the KB items the reply offers to choose from, in the order shown (empty for baselines): what
 *                    resolution within one click follows
 */
public record Outcome(String type, List<Cited> citations, double confidence, List<Cited> ranked, long latencyNanos,
                      String handoffReason, List<Option> options) {

    /** A KB item as cited or ranked: FAQ id or guide id, and the guide section if any. */
    public record Cited(String id, String section) {
        public String key() {
            return section == null ? id : id + "#" + section;
        }
    }

    /** An offered choice: the KB item it stands for and the text the citizen sends to choose it. */
    public record Option(Cited item, String text) {
    }

    public Outcome {
        citations = List.copyOf(citations);
        ranked = List.copyOf(ranked);
        options = List.copyOf(options);
    }

    /** A reply that offers nothing to choose from (a baseline's, a handoff). */
    public Outcome(String type, List<Cited> citations, double confidence, List<Cited> ranked, long latencyNanos,
                   String handoffReason) {
        this(type, citations, confidence, ranked, latencyNanos, handoffReason, List.of());
    }

    public boolean isAnswer() {
        return "answer".equals(type);
    }

    public boolean isClarify() {
        return "clarify".equals(type);
    }

    public boolean isHandoff() {
        return "handoff".equals(type);
    }
}
