package org.civicassist.kb.rank;

import org.civicassist.kb.retrieve.ScoredPassage;
import org.civicassist.nlp.intent.Aspect;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the ranker knows about one question: what each retriever found, the question's words and character
 * bigrams, the aspect asked, and the conversation's current service if any.
 */
public record RankingInput(String text, float[] vector, Set<String> words, List<ScoredPassage> lexical,
                           List<ScoredPassage> dense, Optional<Aspect> aspect, Optional<String> topicServiceId) {
    public RankingInput {
        words = Set.copyOf(words);
        lexical = List.copyOf(lexical);
        dense = List.copyOf(dense);
    }
}
