package org.civicassist.kb.index;

import java.util.List;

/** Field names of the Lucene index, and the version of this layout (part of the index's content hash). */
public final class IndexSchema {

    /** Bump when fields, analysis or vector views change: persisted indexes of another version are rebuilt. */
    public static final int VERSION = 4;

    /** Position of the passage in the snapshot's passage list (doc values and stored). */
    public static final String ORD = "ord";
    /** Passage documents carry text fields; vector documents carry one vector each. */
    public static final String TYPE = "type";
    public static final String TYPE_PASSAGE = "passage";
    public static final String TYPE_VECTOR = "vector";

    public static final String QUESTION = "q";
    public static final String QUESTION_BIGRAMS = "q_bg";
    public static final String TITLE = "title";
    public static final String TITLE_BIGRAMS = "title_bg";
    public static final String HEADING = "heading";
    public static final String BODY = "body";
    public static final String BODY_BIGRAMS = "body_bg";
    /** Every text of the passage, segmented by Lucene's SmartChineseAnalyzer: a second, statistical segmentation. */
    public static final String SMART = "smart";
    public static final String VECTOR = "vec";
    /** Which kind of text a vector document embeds: a question phrasing or the passage content. */
    public static final String VIEW = "view";
    public static final long VIEW_QUESTION = 0;
    public static final long VIEW_CONTENT = 1;

    /** Every text field, each analysed by one {@link Analysis}. */
    public static final List<String> TEXT_FIELDS =
            List.of(QUESTION, QUESTION_BIGRAMS, TITLE, TITLE_BIGRAMS, HEADING, BODY, BODY_BIGRAMS, SMART);

    /**
     * The analyses the index makes of a text. All fields of one analysis share one analyzer, which does not depend on
     * the field's name: a query text needs analysing once per analysis, not once per field.
     */
    public enum Analysis {
        /** Words of the domain segmentation, canonical forms, no stop words. */
        WORDS,
        /** Character bigrams, independent of segmentation. */
        BIGRAMS,
        /** Lucene's SmartChineseAnalyzer: a second, statistical segmentation. */
        SMART
    }

    private IndexSchema() {
    }

    public static boolean isBigramField(String field) {
        return field.endsWith("_bg");
    }

    /** The analysis of a text field. */
    public static Analysis analysisOf(String field) {
        if (!TEXT_FIELDS.contains(field)) {
            throw new IllegalArgumentException("not a text field: " + field);
        }
        if (isBigramField(field)) {
            return Analysis.BIGRAMS;
        }
        return field.equals(SMART) ? Analysis.SMART : Analysis.WORDS;
    }
}
