package org.civicassist.nlp;

import org.civicassist.nlp.intent.Aspect;
import org.civicassist.nlp.intent.Signal;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole understanding pipeline, and the contract between questions and the index. */
class ChineseNlpTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();

    @Test
    void should_understand_a_colloquial_question_with_a_typo() {
        // when
        Understanding u = NLP.understander().understand("我社宝卡上礼拜坐公交丢了 咋补 能当天拿到不");

        // then
        assertThat(u.retrievalText()).isEqualTo("我社保卡上礼拜坐公交遗失了 怎么补 能当天拿到不");
        assertThat(u.corrections()).containsExactly("社宝卡→社保卡", "丢→遗失", "咋→怎么");
        assertThat(u.domainTerms()).containsExactly("社保卡");
        assertThat(u.aspect()).contains(Aspect.TIME_LIMIT);
        assertThat(u.signals()).isEmpty();
        assertThat(u.masked()).isEqualTo(u.raw());
    }

    @Test
    void should_rewrite_aliases_to_the_canonical_terms_the_index_uses() {
        Understanding u = NLP.understander().understand("住房公积金租房提取要啥材料");
        assertThat(u.retrievalText()).isEqualTo("公积金租房提取要什么材料");
        assertThat(u.domainTerms()).contains("公积金", "租房提取");
        assertThat(u.aspect()).contains(Aspect.MATERIALS);
    }

    @Test
    void should_make_questions_and_guides_meet_in_the_word_analyzer() {
        // a guide written with the full name, a question with the abbreviation, the colloquial and the typo forms
        var guide = terms(NLP.wordAnalyzer(), "社会保障卡补领需要居民身份证");
        for (String question : new String[]{"社保卡补领要身份证", "社会保障卡补领要sfz", "社宝卡补领要身份证"}) {
            var asked = terms(NLP.wordAnalyzer(), NLP.understander().understand(question).retrievalText());
            assertThat(asked).as(question).contains("社保卡", "身份证");
            assertThat(guide).contains("社保卡", "身份证");
        }
    }

    @Test
    void should_mask_personal_data_signal_it_and_keep_it_out_of_retrieval() {
        Understanding u = NLP.understander().understand("我身份证110101199003077774的社保卡丢了 电话13812345678");
        assertThat(u.has(Signal.PERSONAL_DATA)).isTrue();
        assertThat(u.masked()).isEqualTo("我身份证******************的社保卡丢了 电话***********");
        assertThat(u.retrievalText()).doesNotContain("1101", "1381").contains("社保卡");
        assertThat(u.domainTerms()).contains("身份证", "社保卡");
    }

    @Test
    void should_read_a_dictionary_word_that_is_a_cue_as_what_is_asked_not_as_a_service_named() {
        Understanding fee = NLP.understander().understand("工本费多少");
        assertThat(fee.domainTerms()).isEmpty();
        assertThat(fee.aspect()).contains(Aspect.FEES);
        assertThat(NLP.understander().understand("补办社保卡工本费多少").domainTerms()).containsExactly("社保卡");
    }

    @Test
    void should_treat_empty_null_and_emoji_only_messages_as_blank() {
        assertThat(NLP.understander().understand(null).isBlank()).isTrue();
        assertThat(NLP.understander().understand("").isBlank()).isTrue();
        assertThat(NLP.understander().understand("😊？？").isBlank()).isTrue();
        assertThat(NLP.understander().understand("社保").isBlank()).isFalse();
    }

    @Test
    void should_leave_nothing_to_search_in_a_message_that_is_only_small_talk() {
        Understanding hello = NLP.understander().understand("你好！");
        assertThat(hello.has(Signal.GREETING)).isTrue();
        assertThat(hello.isBlank()).isTrue();
        assertThat(NLP.understander().understand("好的 谢谢 再见").isBlank()).isTrue();

        Understanding question = NLP.understander().understand("你好，社保卡怎么补办");
        assertThat(question.has(Signal.GREETING)).isFalse();
        assertThat(question.isBlank()).isFalse();
    }

    @Test
    void should_convert_traditional_and_full_width_before_anything_else() {
        Understanding u = NLP.understander().understand("準生證現在還要辦嗎？ＧＪＪ能用嗎");
        assertThat(u.retrievalText()).isEqualTo("生育登记现在还要办吗?公积金能用吗");
    }

    @Test
    void should_understand_concurrently_exactly_as_on_one_thread() throws Exception {
        // given
        List<String> questions = List.of("我社宝卡丢了咋补", "住房公积金租房提取要啥材料", "转人工", "你好",
                "我身份证110101199003077774", "楼下着火了", "港奥证周末能签不", "窗口态度太差了 我要投诉");
        List<Understanding> expected = questions.stream().map(NLP.understander()::understand).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            // when
            List<java.util.concurrent.Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < questions.size(); i++) {
                            if (!NLP.understander().understand(questions.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            // then
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_expose_a_stable_fingerprint() {
        assertThat(NLP.fingerprint()).isEqualTo(ChineseNlp.bundled().fingerprint()).hasSize(16);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
