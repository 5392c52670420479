package org.civicassist.kb.search;

import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.RankingModels;
import org.civicassist.nlp.Understanding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on a tiny corpus of eight FAQs and three guides of different domains: build with the bundled ranking
 * model, ask in everyday words, and pin the first ranked citations where the question has one clear answer. Questions
 * go through the nlp understanding as the assistant sends them.
 */
class RetrievalGoldenTest {

    @TempDir
    static Path dir;
    static KnowledgeSearch search;

    @BeforeAll
    static void build() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load(KbSource.directory(TinyKb.write(dir)), LoadMode.STRICT)
                .knowledgeBase();
        search = new KnowledgeSearchBuilder(TestModels.NLP, TestModels.EMBEDDER, Optional.empty())
                .build(kb, RankingModels.bundled());
    }

    @AfterAll
    static void close() {
        search.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            宝宝刚出生怎么落户口         | faq-hukou-newborn
            驾照快到期了要怎么换         | faq-driver-renew
            我想开个小饭馆，营业执照去哪办 | faq-business-license
            在外地住院医保怎么报         | faq-medical-remote
            外地户口能办居住证吗         | faq-residence-permit
            租房子能不能取公积金         | faq-gjj-rent, guide-gjj-rent#办理条件
            护照几天能办好              | faq-passport-time, guide-passport#办理时限
            公积金租房提取要多久到账      | guide-gjj-rent#办理时限
            """)
    void should_rank_the_answering_item_first(String question, String expected) {
        List<String> pinned = Arrays.stream(expected.split(",")).map(String::strip).toList();

        List<String> ranked = citations(ask(question));

        assertThat(ranked.subList(0, pinned.size())).as(question + " ranked " + ranked).isEqualTo(pinned);
    }

    @Test
    void should_rank_the_lost_card_faq_within_its_service_first() {
        // the FAQ and the guide's sections answer it together; which of them leads is the ranker's call
        SearchResult result = ask("社保卡不见了咋补");

        assertThat(result.candidates().get(0).passage().serviceId()).isEqualTo("guide-shebao-card-reissue");
        assertThat(citations(result).subList(0, 2)).contains("faq-shebao-lost");
    }

    @Test
    void should_not_be_confident__when_the_question_is_outside_the_knowledge_base() {
        SearchResult result = ask("今天天气怎么样");

        assertThat(result.confidence()).isLessThan(search.rankingModels().clarifyThreshold());
    }

    @Test
    void should_be_confident__when_a_faq_is_asked_in_other_words() {
        SearchResult result = ask("宝宝刚出生怎么落户口");

        assertThat(result.confidence()).isGreaterThanOrEqualTo(search.rankingModels().answerThreshold());
    }

    private static SearchResult ask(String question) {
        Understanding u = TestModels.NLP.understander().understand(question);
        return search.search(new SearchRequest(u.retrievalText(), u.aspect(), Optional.empty(), 5));
    }

    private static List<String> citations(SearchResult result) {
        return result.candidates().stream().map(Candidate::passage).map(p -> p.citationKey()).toList();
    }

    @Test
    void should_tell_the_calibrator_when_the_question_was_read_against_a_conversations_service() {
        String question = "要多久";
        SearchResult alone = search.search(SearchRequest.of(question));
        SearchResult inTopic = search.search(new SearchRequest(question, Optional.empty(),
                Optional.of("guide-passport"), SearchRequest.DEFAULT_LIMIT));

        assertThat(alone.candidates()).allMatch(c -> c.features().get("in_topic") == 0);
        assertThat(inTopic.candidates()).isNotEmpty().allMatch(c -> c.features().get("in_topic") == 1);
    }

    @Test
    void should_judge_each_service_once_by_how_much_of_the_text_its_title_covers() {
        List<Candidate> byTitle = search.byTitle("普通护照首次申领");

        assertThat(byTitle).extracting(c -> c.passage().guideId()).doesNotHaveDuplicates()
                .contains("guide-passport", "guide-gjj-rent");
        assertThat(byTitle).allMatch(c -> c.score() == 0);
        assertThat(byTitle).filteredOn(c -> c.passage().guideId().equals("guide-passport"))
                .singleElement().satisfies(c -> assertThat(c.features().get("title_cov")).isEqualTo(1.0));
        assertThat(byTitle).filteredOn(c -> !c.passage().guideId().equals("guide-passport"))
                .allMatch(c -> c.features().get("title_cov") < 0.5);
    }
}
