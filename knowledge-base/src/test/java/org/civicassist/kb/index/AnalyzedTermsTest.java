package org.civicassist.kb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzedTermsTest {

    private static final Analyzer WHITESPACE = new WhitespaceAnalyzer();

    @Test
    void should_give_the_distinct_terms_in_the_order_they_first_come() {
        assertThat(AnalyzedTerms.of(WHITESPACE, IndexSchema.BODY, "补办 社保卡 需要 社保卡 身份证 补办"))
                .containsExactly("补办", "社保卡", "需要", "身份证");
        assertThat(AnalyzedTerms.of(WHITESPACE, IndexSchema.BODY, "  ")).isEmpty();
    }

    @Test
    void should_stop_at_the_limit_of_distinct_terms() {
        assertThat(AnalyzedTerms.of(WHITESPACE, IndexSchema.BODY, "a a b c d", 2)).containsExactly("a", "b");
    }

    @Test
    void should_leave_the_analyzer_usable_for_the_next_text() {
        AnalyzedTerms.of(WHITESPACE, IndexSchema.BODY, "a b c d", 1);
        assertThat(AnalyzedTerms.of(WHITESPACE, IndexSchema.BODY, "e f")).containsExactly("e", "f");
    }
}
