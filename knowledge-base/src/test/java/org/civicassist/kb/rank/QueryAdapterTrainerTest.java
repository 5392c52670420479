package org.civicassist.kb.rank;

import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.embed.QueryAdapter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QueryAdapterTrainerTest {

    private static final int DIMENSION = 24;

    /**
     * Questions worded unlike the items they belong to: each question is its item's vector pushed along a direction
     * the items share (a low-rank distortion, as a KB's own style of wording would be) plus noise. The plain cosine
     * finds the wrong item for most of them; a low-rank correction can undo the push.
     */
    private static QueryAdapterTrainer.Data distorted(long seed) {
        Random r = new Random(seed);
        float[] push = Embedder.normalize(gaussian(r));
        List<QueryAdapterTrainer.Target> targets = new ArrayList<>();
        List<QueryAdapterTrainer.Anchor> anchors = new ArrayList<>();
        for (int item = 0; item < 40; item++) {
            float[] t = Embedder.normalize(gaussian(r));
            targets.add(new QueryAdapterTrainer.Target(t, "item-" + item));
        }
        for (int k = 0; k < 10; k++) {
            for (int item = 0; item < 40; item++) {
                float[] t = targets.get(item).vector();
                float[] q = new float[DIMENSION];
                float along = Embedder.dot(t, push);
                for (int i = 0; i < DIMENSION; i++) {
                    // the component along the shared direction is flipped and amplified
                    q[i] = t[i] - 3 * along * push[i] + push[i] * 1.5f + (float) (r.nextGaussian() * 0.08);
                }
                anchors.add(new QueryAdapterTrainer.Anchor("q", Embedder.normalize(q), Set.of("item-" + item), -1));
            }
        }
        return new QueryAdapterTrainer.Data(targets, anchors);
    }

    private static float[] gaussian(Random r) {
        float[] x = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void learns_a_correction_that_finds_held_out_questions_items() {
        QueryAdapterTrainer.Settings settings = new QueryAdapterTrainer.Settings(4, 0.1, 0.01, 1e-5, 30, 16, 7);

        QueryAdapterTrainer.Result result = QueryAdapterTrainer.train(distorted(3), settings);

        assertThat(result.heldOutRecallBefore()).isLessThan(0.6);
        assertThat(result.heldOutRecallAfter()).isGreaterThan(result.heldOutRecallBefore() + 0.2);
        assertThat(result.epochs()).isPositive();
    }

    @Test
    void keeps_the_identity_when_no_epoch_helps_the_held_out_pairs() {
        // questions that already sit on their items: nothing to correct
        Random r = new Random(5);
        List<QueryAdapterTrainer.Target> targets = new ArrayList<>();
        List<QueryAdapterTrainer.Anchor> anchors = new ArrayList<>();
        for (int item = 0; item < 20; item++) {
            float[] t = Embedder.normalize(gaussian(r));
            targets.add(new QueryAdapterTrainer.Target(t, "item-" + item));
            for (int k = 0; k < 5; k++) {
                anchors.add(new QueryAdapterTrainer.Anchor("q", t, Set.of("item-" + item), -1));
            }
        }
        QueryAdapterTrainer.Result result = QueryAdapterTrainer.train(new QueryAdapterTrainer.Data(targets, anchors),
                new QueryAdapterTrainer.Settings(4, 0.1, 0.01, 1e-5, 3, 16, 7));

        assertThat(result.heldOutRecallBefore()).isEqualTo(1.0);
        assertThat(result.epochs()).isZero();
        float[] q = targets.get(0).vector();
        assertThat(result.adapter().apply(q)).containsExactly(Embedder.normalize(q));
    }

    @Test
    void is_deterministic_for_a_seed() {
        QueryAdapterTrainer.Settings settings = new QueryAdapterTrainer.Settings(4, 0.1, 0.01, 1e-5, 5, 16, 7);

        QueryAdapter a = QueryAdapterTrainer.train(distorted(3), settings).adapter();
        QueryAdapter b = QueryAdapterTrainer.train(distorted(3), settings).adapter();

        float[] q = distorted(9).anchors().get(0).vector();
        assertThat(a.apply(q)).containsExactly(b.apply(q));
    }
}
