package org.civicassist.kb.embed;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QueryAdapterTest {

    private static float[] random(int n, Random r, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * scale);
        }
        return x;
    }

    @Test
    void without_a_correction_the_query_is_only_normalised() {
        Random r = new Random(1);
        QueryAdapter identity = new QueryAdapter(8, 2, new float[16], random(16, r, 1));
        float[] q = Embedder.normalize(random(8, r, 1));

        assertThat(identity.apply(q)).containsExactly(q, within(1e-6f));
    }

    @Test
    void applies_q_plus_u_v_transposed_q_and_returns_a_unit_vector() {
        // dimension 2, rank 1: U = (1, 0)ᵀ, V = (0, 1)ᵀ moves q = (0, 1) to (1, 1), normalised
        QueryAdapter adapter = new QueryAdapter(2, 1, new float[]{1, 0}, new float[]{0, 1});

        float[] out = adapter.apply(new float[]{0, 1});

        assertThat(out[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(out[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    void survives_a_json_round_trip_bit_for_bit() {
        Random r = new Random(2);
        QueryAdapter adapter = new QueryAdapter(16, 4, random(64, r, 0.1), random(64, r, 0.5));
        float[] q = Embedder.normalize(random(16, r, 1));

        QueryAdapter read = QueryAdapter.fromJson(adapter.toJson());

        assertThat(read.apply(q)).containsExactly(adapter.apply(q));
    }

    @Test
    void refuses_a_query_of_another_dimension() {
        QueryAdapter adapter = new QueryAdapter(4, 1, new float[4], new float[4]);

        assertThatThrownBy(() -> adapter.apply(new float[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
