package org.civicassist.kb.index;

import org.apache.lucene.analysis.Analyzer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A query text analysed once per {@link IndexSchema.Analysis} (words, character bigrams, smartcn): what every
 * retriever and the ranker search for, instead of analysing the same text again for each field (one turn used to run
 * 19 token streams over it; three give the same terms).
 */
public final class QueryTerms {

    private final Map<IndexSchema.Analysis, Set<String>> byAnalysis;

    private QueryTerms(Map<IndexSchema.Analysis, Set<String>> byAnalysis) {
        this.byAnalysis = byAnalysis;
    }

    /**
     * The distinct terms of {@code text} under each analysis of {@code fieldAnalyzer} (the index's per-field analyzer),
     * in the order they first come.
     */
    public static QueryTerms of(Analyzer fieldAnalyzer, String text) {
        Objects.requireNonNull(text, "text");
        Map<IndexSchema.Analysis, Set<String>> byAnalysis = new EnumMap<>(IndexSchema.Analysis.class);
        for (String field : IndexSchema.TEXT_FIELDS) {
            // the first field of each analysis stands for all of them
            byAnalysis.computeIfAbsent(IndexSchema.analysisOf(field),
                    a -> Collections.unmodifiableSet(AnalyzedTerms.of(fieldAnalyzer, field, text)));
        }
        return new QueryTerms(byAnalysis);
    }

    /** The terms to search {@code field} for: those of the field's analysis. */
    public Set<String> of(String field) {
        return byAnalysis.get(IndexSchema.analysisOf(field));
    }

    /** The words (domain segmentation, canonical forms, no stop words): what the ranker's coverage features count. */
    public Set<String> words() {
        return byAnalysis.get(IndexSchema.Analysis.WORDS);
    }
}
