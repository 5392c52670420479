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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each candidate is also measured against its siblings, the other candidates of its service, which share the service's
 * title and much of its wording: {@code cos_in_service}, {@code cov_in_service} and {@code dice_in_service} are its
 * dense cosine, coverage and phrasing overlap minus the best of its service's.
 */
class SiblingFeaturesTest {

    @TempDir
    Path kbDir;

    @Test
    void each_candidate_is_measured_against_the_best_of_its_services_candidates() {
        TinyKb.write(kbDir);
        KnowledgeSearch search = new KnowledgeSearchBuilder(TestModels.NLP, new AnswerCacheTest.CountingEmbedder(),
                Optional.empty(), AnswerCache.ofSize(0)).build(new KnowledgeBaseLoader().load(
                KbSource.directory(kbDir), LoadMode.STRICT).knowledgeBase(), RankingModels.bundled());

        // every candidate, not the first few: a sibling measured against is one of them
        List<Candidate> ranked = search.search(new SearchRequest("社保卡丢了补办要带什么材料", Optional.empty(),
                Optional.empty(), 1000, Set.of(), Set.of(), Set.of(), Optional.empty())).candidates();

        Map<String, List<Candidate>> byService = ranked.stream()
                .collect(Collectors.groupingBy(c -> c.passage().serviceId()));
        assertThat(byService.values()).anyMatch(siblings -> siblings.size() > 1);
        byService.values().forEach(siblings -> {
            for (var feature : List.of(new String[]{"dense_cos", "cos_in_service"},
                    new String[]{"coverage", "cov_in_service"}, new String[]{"question_dice", "dice_in_service"})) {
                double best = siblings.stream().mapToDouble(c -> c.features().get(feature[0])).max().orElseThrow();
                assertThat(siblings).allSatisfy(c -> assertThat(c.features().get(feature[1]))
                        .as("%s of %s", feature[1], c.passage().citationKey())
                        .isEqualTo(c.features().get(feature[0]) - best));
            }
        });
        assertThat(ranked).anyMatch(c -> c.features().get("cov_in_service") < 0);
    }
}
