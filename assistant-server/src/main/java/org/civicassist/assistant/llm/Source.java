package org.civicassist.assistant.llm;

import org.civicassist.assistant.pipeline.Composer;
import org.civicassist.assistant.reply.Citation;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One retrieved passage as the model sees it: a numbered data block with its citation key.
 *
 * @param number   1-based, as the model cites it; 1 is the passage the decision chose
 * @param key      the citation key ({@code faq-id} or {@code guide-id#section})
 * @param label    the guide title and section, or the FAQ's question
 * @param text     what the passage says: a FAQ's question and answer, or the whole guide section
 * @param citation how the reply cites it
 */
record Source(int number, String key, String label, String text, Citation citation) {

    /** Long sections are cut here: the prompt stays small, and what is cut is neither shown nor checked against. */
    static final int MAX_CHARS = 1500;

    /** What a fact may be checked against: everything the block shows the model. */
    String factText() {
        return label + "\n" + text;
    }

    /** Cites a passage as an answer from it would cite it (the composer owns the form of a citation). */
    private static final Composer CITING = new Composer();

    /** The first {@code max} distinct passages of the candidates, the chosen one first. */
    static List<Source> of(List<Candidate> candidates, KnowledgeBase kb, int max) {
        List<Source> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            Passage p = c.passage();
            if (out.size() == max) {
                break;
            }
            if (keys.add(p.citationKey())) {
                out.add(new Source(out.size() + 1, p.citationKey(), label(p), text(p, kb),
                        CITING.answer(kb, c, 0).citations().get(0)));
            }
        }
        return List.copyOf(out);
    }

    private static String label(Passage p) {
        return p.kind() == PassageKind.FAQ ? p.questions().get(0) : p.title() + " · " + p.section();
    }

    private static String text(Passage p, KnowledgeBase kb) {
        String text = p.kind() == PassageKind.FAQ
                ? "问：" + p.questions().get(0) + "\n答：" + p.text()
                : kb.guide(p.guideId()).flatMap(g -> g.section(p.section())).map(s -> s.body()).orElse(p.text());
        return text.length() <= MAX_CHARS ? text.strip() : text.substring(0, MAX_CHARS).strip();
    }
}
