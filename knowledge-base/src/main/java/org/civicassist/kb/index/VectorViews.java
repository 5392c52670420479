package org.civicassist.kb.index;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a passage that get their own vector: each phrasing of a FAQ question (a citizen's question is most
 * like another question), the FAQ as question plus answer, and a guide chunk with its title and heading.
 */
public final class VectorViews {

    private VectorViews() {
    }

    public static List<String> of(Passage p) {
        List<String> views = new ArrayList<>();
        if (p.kind() == PassageKind.FAQ) {
            views.addAll(p.questions());
            views.add(p.questions().get(0) + "\n" + p.text());
        } else {
            views.add(p.title() + " " + p.section() + "：" + p.text());
        }
        return views;
    }
}
