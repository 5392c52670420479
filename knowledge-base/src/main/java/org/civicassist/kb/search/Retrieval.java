package org.civicassist.kb.search;

import org.civicassist.kb.rank.RankingInput;
import org.civicassist.kb.retrieve.RetrievalQuery;
import org.civicassist.kb.retrieve.ScoredPassage;
import org.civicassist.nlp.intent.Aspect;

import java.util.List;
import java.util.Optional;

/**
 * What the retrievers found for one text on one snapshot: the query (terms and embedding) and each retriever's list.
 * It depends on the text alone — not on the conversation's topic, the aspect asked, exclusions or places, which only
 * the ranking and what follows it read — so one retrieval serves every reading of the same text. Immutable.
 */
record Retrieval(RetrievalQuery query, List<ScoredPassage> lexical, List<ScoredPassage> lexicalQuestions,
                 List<ScoredPassage> lexicalContent, List<ScoredPassage> lexicalBigrams,
                 List<ScoredPassage> lexicalSmart, List<ScoredPassage> dense) {

    Retrieval {
        lexical = List.copyOf(lexical);
        lexicalQuestions = List.copyOf(lexicalQuestions);
        lexicalContent = List.copyOf(lexicalContent);
        lexicalBigrams = List.copyOf(lexicalBigrams);
        lexicalSmart = List.copyOf(lexicalSmart);
        dense = List.copyOf(dense);
    }

    /** The ranker's input for this text read with {@code aspect} in a conversation about {@code topicServiceId}. */
    RankingInput rankingInput(Optional<Aspect> aspect, Optional<String> topicServiceId) {
        return new RankingInput(query.text(), query.vector(), query.terms().words(), lexical, lexicalQuestions,
                lexicalContent, lexicalBigrams, lexicalSmart, dense, aspect, topicServiceId);
    }
}
