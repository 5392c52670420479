package org.civicassist.kb.retrieve;

import java.util.List;

/** One way of finding candidate passages for a question. */
public interface Retriever {

    /** The best {@code k} passages, best first, each passage once. */
    List<ScoredPassage> retrieve(RetrievalQuery query, int k);
}
