package org.civicassist.kb.index;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a passage that get their own vector: each phrasing of a FAQ question (a citizen's question is most
 * like another question), and the passage's content — a FAQ as question plus answer, a guide chunk with its title and
 * heading.
 */
public final class VectorViews {

    /** A text to embed, and whether it is a question phrasing (else it is content). */
    public record View(String text, boolean question) {
    }

    private VectorViews() {
    }

    public static List<View> of(Passage p) {
        List<View> views = new ArrayList<>();
        if (p.kind() == PassageKind.FAQ) {
            for (String q : p.questions()) {
                views.add(new View(q, true));
            }
            views.add(new View(p.questions().get(0) + "\n" + p.text(), false));
        } else {
            views.add(new View(p.title() + " " + p.section() + "：" + p.text(), false));
        }
        return views;
    }
}
