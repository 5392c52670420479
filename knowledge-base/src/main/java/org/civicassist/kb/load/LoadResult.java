package org.civicassist.kb.load;

import org.civicassist.kb.model.KnowledgeBase;

import java.util.List;

/** A loaded knowledge base and the problems that were skipped over (always empty in {@link LoadMode#STRICT}). */
public record LoadResult(KnowledgeBase knowledgeBase, List<KbProblem> warnings) {
    public LoadResult {
        warnings = List.copyOf(warnings);
    }
}
