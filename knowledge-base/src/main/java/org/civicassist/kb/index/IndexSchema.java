package org.civicassist.kb.index;

/** Field names of the Lucene index, and the version of this layout (part of the index's content hash). */
public final class IndexSchema {

    /** Bump when fields, analysis or vector views change: persisted indexes of another version are rebuilt. */
    public static final int VERSION = 3;

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

    private IndexSchema() {
    }

    public static boolean isBigramField(String field) {
        return field.endsWith("_bg");
    }
}
