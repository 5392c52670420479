package org.civicassist.kb.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model sees each text once, only when no vector is stored for it, and all such texts of a call together. */
class CachingEmbedderTest {

    @TempDir
    Path dir;

    final RecordingEmbedder model = new RecordingEmbedder();

    @Test
    void should_pass_only_the_texts_without_a_stored_vector__in_one_call() {
        CachingEmbedder cache = new CachingEmbedder(model, dir);
        List<float[]> first = cache.embedAll(List.of("社保卡", "公积金", "社保卡", "居住证"));

        assertThat(model.calls).containsExactly(List.of("社保卡", "公积金", "居住证"));
        assertThat(first.get(0)).isSameAs(first.get(2));
        assertThat(first.get(1)).containsExactly(RecordingEmbedder.vector("公积金"));

        // when: some stored, some new, one new text twice
        model.calls.clear();
        List<float[]> second = cache.embedAll(List.of("公积金", "护照", "社保卡", "驾驶证", "护照"));

        assertThat(model.calls).containsExactly(List.of("护照", "驾驶证"));
        assertThat(second).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(second.get(i)).containsExactly(
                    RecordingEmbedder.vector(List.of("公积金", "护照", "社保卡", "驾驶证", "护照").get(i)));
        }
        assertThat(cache.computedCount()).isEqualTo(5);
    }

    @Test
    void should_not_call_the_model__when_every_text_is_stored_even_after_a_restart() {
        new CachingEmbedder(model, dir).embedAll(List.of("社保卡", "公积金"));
        model.calls.clear();

        CachingEmbedder restarted = new CachingEmbedder(model, dir);
        List<float[]> again = restarted.embedAll(List.of("公积金", "社保卡"));
        float[] single = restarted.embed("社保卡");

        assertThat(model.calls).isEmpty();
        assertThat(restarted.computedCount()).isZero();
        assertThat(again.get(0)).containsExactly(RecordingEmbedder.vector("公积金"));
        assertThat(single).containsExactly(RecordingEmbedder.vector("社保卡"));
    }
}
