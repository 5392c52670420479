package org.civicassist.kb.search;

import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.RankingModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follow-up is searched with its conversation's context, and its candidates are also weighed by how close they are to
 * the citizen's message alone ({@code message_cos}, {@code message_cov}).
 */
class FollowUpMessageTest {

    static final String MESSAGE = "要带什么材料";
    static final String WITH_CONTEXT = "社会保障卡挂失补领 " + MESSAGE;

    @TempDir
    Path kbDir;

    final AnswerCacheTest.CountingEmbedder embedder = new AnswerCacheTest.CountingEmbedder();

    KnowledgeSearch search() {
        TinyKb.write(kbDir);
        KnowledgeSearch search = new KnowledgeSearchBuilder(TestModels.NLP, embedder, Optional.empty(),
                AnswerCache.ofSize(100)).build(new KnowledgeBaseLoader().load(KbSource.directory(kbDir),
                LoadMode.STRICT).knowledgeBase(), RankingModels.bundled());
        embedder.calls.set(0);
        return search;
    }

    static SearchRequest followUp(String message) {
        return new SearchRequest(WITH_CONTEXT, Optional.empty(), Optional.of("guide-shebao-card-reissue"),
                SearchRequest.DEFAULT_LIMIT, Set.of(), Set.of(), Set.of(), Optional.of(message));
    }

    static Map<String, Candidate> byKey(SearchResult result) {
        return result.candidates().stream()
                .collect(Collectors.toMap(c -> c.passage().citationKey(), Function.identity()));
    }

    @Test
    void a_follow_ups_candidates_carry_how_close_they_are_to_the_message_alone__as_its_own_search_measures_it() {
        KnowledgeSearch search = search();
        // read both ways, as the assistant reads a follow-up naming a term its service mentions
        List<SearchResult> readings = search.search(List.of(followUp(MESSAGE), SearchRequest.of(MESSAGE)));
        Map<String, Candidate> inContext = byKey(readings.get(0));
        Map<String, Candidate> alone = byKey(readings.get(1));

        Set<String> both = inContext.keySet().stream().filter(alone::containsKey).collect(Collectors.toSet());
        assertThat(both).isNotEmpty();
        for (String key : both) {
            assertThat(inContext.get(key).features().get("message_cos"))
                    .isEqualTo(alone.get(key).features().get("dense_cos"));
            assertThat(inContext.get(key).features().get("message_cov"))
                    .isEqualTo(alone.get(key).features().get("coverage"));
        }
        // the context's words (the service's title) make the text searched closer to the service than the message is
        assertThat(inContext.values()).anyMatch(c -> c.features().get("coverage") != c.features().get("message_cov"));
        // each text embedded once: the message's vector serves the follow-up's ranking and its own search
        assertThat(embedder.calls).hasValue(2);
    }

    @Test
    void a_question_read_alone_is_its_own_message() {
        KnowledgeSearch search = search();
        SearchResult alone = search.search(SearchRequest.of(WITH_CONTEXT));
        SearchResult sameMessage = search.search(followUp(WITH_CONTEXT));

        assertThat(followUp(WITH_CONTEXT).message()).isEmpty();
        assertThat(followUp(" ").message()).isEmpty();
        assertThat(alone.candidates()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.features().get("message_cos")).isEqualTo(c.features().get("dense_cos"));
            assertThat(c.features().get("message_cov")).isEqualTo(c.features().get("coverage"));
        });
        assertThat(sameMessage.candidates()).allSatisfy(c ->
                assertThat(c.features().get("message_cos")).isEqualTo(c.features().get("dense_cos")));
        assertThat(embedder.calls).hasValue(1);
    }
}
