package org.civicassist.kb.rank;

import java.util.Arrays;
import java.util.List;

/**
 * The evidence about one candidate that the ranking model weighs. Names are stable: they key the weights in the
 * model file.
 */
public final class Features {

    public static final List<String> NAMES = List.of(
            "lex_norm",        // BM25 over all fields / best such score of this question
            "lex_rr",          // 1 / (1 + rank) in that list, 0 when absent
            "lexq_norm",       // BM25 over question phrasings, titles and headings only
            "lexq_rr",
            "lexc_norm",       // BM25 over answers and section text only
            "lexb_norm",       // BM25 over character bigrams of every field: robust to segmentation
            "lexb_rr",
            "lexs_norm",       // BM25 over every text, segmented by SmartChineseAnalyzer: a second segmentation
            "lexs_rr",
            "dense_cos",       // cosine of the closest vector view
            "dense_gap",       // dense_cos minus the best cosine of this question (≤ 0)
            "dense_rr",        // 1 / (1 + dense rank)
            "dense_qcos",      // cosine of the closest question phrasing (0 for a section)
            "dense_ccos",      // cosine of the content (FAQ question + answer, or section text)
            "question_dice",   // character-bigram overlap with the closest FAQ phrasing (or title + heading)
            "coverage",        // IDF-weighted share of the question's words found in the passage
            "question_cov",    // ... found in its question phrasings (or title and heading)
            "title_cov",       // ... found in the service title
            "service_support", // how strongly the rest of the list points at the same service
            "domain_vote",     // share of the top dense passages in the same domain
            "aspect_match",    // the section (or FAQ) is about the aspect asked (时限, 材料, 地点 …)
            "aspect_miss",     // an aspect was asked and this is a section about another one
            "aspect_prob",     // how likely the question asks the aspect this item answers (learned AspectModel)
            "aspect_sure",     // how sure the AspectModel is of the question's aspect (its largest probability)
            "is_faq",
            "topic_match",     // same service as the conversation's current topic
            "query_chars",     // log(1 + letters and digits of the question searched): the same for every candidate,
                               // it lets the trees weigh evidence differently for a service name and a long story
            "unknown_share",   // IDF-weighted share of the question's words the KB never mentions (the same for
                               // every candidate): how much of the question the coverage features cannot see
            "in_topic",        // 1 when the question is read against a conversation's service (a follow-up), the
                               // same for every candidate: out of fold such readings are right less often at the
                               // same score, so the calibrator needs to know
            "message_cos",     // dense_cos of the citizen's message alone: for a follow-up, without the service's
                               // title and the question before, which every item of the service shares
            "message_cov",     // coverage of the message alone: which of the service's items the follow-up's own
                               // words (那退休以后还用交吗) point at
            "residual_cov",    // coverage of the question's words its service's title lacks: what tells the item
                               // from its siblings, which all share the title's words
            "cos_in_service",  // dense_cos minus the best dense_cos among the candidates of the same service (≤ 0)
            "cov_in_service",  // coverage minus the best coverage among the candidates of the same service (≤ 0)
            "dice_in_service"  // question_dice minus the best question_dice among the same service's candidates
    );

    private final double[] values = new double[NAMES.size()];

    public Features set(String name, double value) {
        values[index(name)] = value;
        return this;
    }

    public double get(String name) {
        return values[index(name)];
    }

    public double[] values() {
        return values.clone();
    }

    private static int index(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown feature " + name);
        }
        return i;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(NAMES.get(i)).append('=').append(String.format(java.util.Locale.ROOT, "%.3f", values[i]));
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Features f && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
