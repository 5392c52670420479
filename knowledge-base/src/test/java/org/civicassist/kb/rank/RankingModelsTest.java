package org.civicassist.kb.rank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingModelsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RankingModels withThresholds(double answer, double clarify) {
        RankingModels bundled = RankingModels.bundled();
        return new RankingModels(bundled.scorer(), bundled.calibrator(), answer, clarify);
    }

    @Test
    void the_models_survive_a_round_trip_through_the_file() {
        RankingModels models = withThresholds(0.7, 0.4);

        RankingModels read = RankingModels.fromJson(JSON.readTree(models.toJson()));

        assertThat(read.answerThreshold()).isEqualTo(0.7);
        assertThat(read.clarifyThreshold()).isEqualTo(0.4);
        assertThat(read.toJson()).isEqualTo(models.toJson());
    }

    @Test
    void saving_into_a_directory_that_does_not_exist_yet_creates_it(@TempDir Path dir) {
        Path file = dir.resolve("fits").resolve("today").resolve(RankingModels.FILE_NAME);

        withThresholds(0.7, 0.4).save(file);

        assertThat(RankingModels.load(file).answerThreshold()).isEqualTo(0.7);
    }

    @Test
    void a_clarify_threshold_above_the_answer_threshold_is_refused() {
        assertThatThrownBy(() -> withThresholds(0.3, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withThresholds(1.2, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }
}
