package org.civicassist.kb.rank;

import org.civicassist.kb.retrieve.RetrievalQuery;
import org.civicassist.kb.retrieve.ScoredPassage;
import org.civicassist.nlp.intent.Aspect;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the ranker knows about one question: what each retriever found (BM25 over all fields, over question
 * fields, over content fields; dense), the question's words and vector, the aspect asked, and the conversation's
 * current service if any; and, when the question searched is a follow-up read with the conversation's context, the
 * citizen's message alone (its vector and words; empty when the question is the message itself).
 */
public record RankingInput(String text, float[] vector, Set<String> words, List<ScoredPassage> lexical,
                           List<ScoredPassage> lexicalQuestions, List<ScoredPassage> lexicalContent,
                           List<ScoredPassage> lexicalBigrams, List<ScoredPassage> lexicalSmart,
                           List<ScoredPassage> dense, Optional<Aspect> aspect, Optional<String> topicServiceId,
                           Optional<RetrievalQuery> message) {
    public RankingInput {
        words = Set.copyOf(words);
        lexical = List.copyOf(lexical);
        lexicalQuestions = List.copyOf(lexicalQuestions);
        lexicalContent = List.copyOf(lexicalContent);
        lexicalBigrams = List.copyOf(lexicalBigrams);
        lexicalSmart = List.copyOf(lexicalSmart);
        dense = List.copyOf(dense);
    }

    /**
     * The same retrieval read with {@code aspect} in a conversation about {@code topicServiceId}: what the retrievers
     * found depends on the text alone, so one retrieval serves every reading of it (see the search's answer cache).
     */
    public RankingInput readWith(Optional<Aspect> aspect, Optional<String> topicServiceId) {
        return new RankingInput(text, vector, words, lexical, lexicalQuestions, lexicalContent, lexicalBigrams,
                lexicalSmart, dense, aspect, topicServiceId, Optional.empty());
    }

    /** As {@link #readWith(Optional, Optional)}, for a text that holds the citizen's {@code message} with its context. */
    public RankingInput readWith(Optional<Aspect> aspect, Optional<String> topicServiceId, RetrievalQuery message) {
        return new RankingInput(text, vector, words, lexical, lexicalQuestions, lexicalContent, lexicalBigrams,
                lexicalSmart, dense, aspect, topicServiceId, Optional.of(message));
    }
}
