package org.civicassist.kb.rank;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeEnsembleTest {

    // one stump on input "b": below 0.5 → -1, else +2
    private static final TreeEnsemble.Tree STUMP = new TreeEnsemble.Tree(new int[]{1, -1, -1},
            new float[]{0.5f, 0, 0}, new int[]{1, 0, 0}, new int[]{2, 0, 0}, new double[]{0, -1, 2});
    // a leaf alone
    private static final TreeEnsemble.Tree LEAF = new TreeEnsemble.Tree(new int[]{-1}, new float[]{0},
            new int[]{0}, new int[]{0}, new double[]{0.25});

    @Test
    void score_is_the_base_plus_the_leaf_each_tree_reaches() {
        TreeEnsemble trees = new TreeEnsemble(List.of("a", "b"), 0.5, List.of(STUMP, LEAF));

        assertThat(trees.score(new double[]{9, 0.2})).isEqualTo(0.5 - 1 + 0.25);
        assertThat(trees.score(new double[]{9, 0.7})).isEqualTo(0.5 + 2 + 0.25);
        assertThat(trees.score(new double[]{9, 0.5})).as("a value equal to the threshold goes right")
                .isEqualTo(0.5 + 2 + 0.25);
    }

    @Test
    void stored_trees_score_the_same_after_reading_back_and_follow_inputs_by_name() {
        TreeEnsemble trees = new TreeEnsemble(List.of("a", "b"), 0.5, List.of(STUMP, LEAF));
        String json = trees.toJson().toString();

        CandidateScorer sameOrder = CandidateScorer.fromJson(JsonMapper.builder().build().readTree(json),
                List.of("a", "b"));
        CandidateScorer reordered = CandidateScorer.fromJson(JsonMapper.builder().build().readTree(json),
                List.of("b", "new", "a"));

        assertThat(sameOrder).isInstanceOf(TreeEnsemble.class);
        assertThat(sameOrder.score(new double[]{9, 0.7})).isEqualTo(trees.score(new double[]{9, 0.7}));
        assertThat(reordered.score(new double[]{0.7, 5, 9})).isEqualTo(trees.score(new double[]{9, 0.7}));
        assertThat(reordered.score(new double[]{0.2, 5, 9})).isEqualTo(trees.score(new double[]{9, 0.2}));
    }

    @Test
    void a_model_splitting_on_an_input_the_features_lack_is_rejected() {
        String json = new TreeEnsemble(List.of("a", "b"), 0, List.of(STUMP)).toJson().toString();

        assertThatThrownBy(() -> CandidateScorer.fromJson(JsonMapper.builder().build().readTree(json), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
    }

    @Test
    void a_tree_whose_children_point_back_is_rejected() {
        TreeEnsemble.Tree loop = new TreeEnsemble.Tree(new int[]{0, -1}, new float[]{1, 0}, new int[]{0, 0},
                new int[]{1, 0}, new double[]{0, 1});

        assertThatThrownBy(() -> new TreeEnsemble(List.of("a"), 0, List.of(loop)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_linear_scorer_is_read_when_the_json_names_no_type() {
        String json = "{\"bias\":0,\"weights\":{\"a\":2}}";

        CandidateScorer scorer = CandidateScorer.fromJson(JsonMapper.builder().build().readTree(json),
                List.of("a", "b"));

        assertThat(scorer).isInstanceOf(LinearModel.class);
        assertThat(scorer.score(new double[]{1.5, 7})).isEqualTo(3.0);
    }
}
