package org.civicassist.kb.rank;

import org.civicassist.kb.embed.QueryAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fitted models of the ranking stage, stored together as {@code ranking-model.json}: the candidate scorer, the
 * confidence calibrator, and the two confidence thresholds derived from the calibration (answer at or above
 * {@code answerThreshold}; between the two, ask the citizen to choose when candidates compete; below
 * {@code clarifyThreshold}, hand to a person). The bundled file was fitted on the dev questions against the demo KB
 * ({@code java -jar eval/target/eval.jar fit}); a KB directory may carry its own.
 */
public record RankingModels(CandidateScorer scorer, LinearModel calibrator, double answerThreshold,
                            double clarifyThreshold, Optional<QueryAdapter> queryAdapter) {

    public RankingModels(CandidateScorer scorer, LinearModel calibrator, double answerThreshold,
                         double clarifyThreshold) {
        this(scorer, calibrator, answerThreshold, clarifyThreshold, Optional.empty());
    }

    /** These models with the query adapter the scorer's dense features were computed with. */
    public RankingModels withQueryAdapter(Optional<QueryAdapter> adapter) {
        return new RankingModels(scorer, calibrator, answerThreshold, clarifyThreshold, adapter);
    }

    /** The question's vector as the dense retrieval and features read it: adapted when there is an adapter. */
    public float[] queryVector(float[] embedded) {
        return queryAdapter.map(a -> a.apply(embedded)).orElse(embedded);
    }

    public RankingModels {
        if (!(0 <= clarifyThreshold && clarifyThreshold <= answerThreshold && answerThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 <= clarifyThreshold <= answerThreshold <= 1");
        }
    }

    public static final String FILE_NAME = "ranking-model.json";
    private static final String BUNDLED = "/org/civicassist/kb/rank/" + FILE_NAME;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static RankingModels bundled() {
        try (InputStream in = RankingModels.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled ranking model missing: " + BUNDLED);
            }
            return fromJson(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RankingModels load(Path file) {
        try {
            return fromJson(JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ranking model " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad ranking model " + file + ": " + e.getMessage(), e);
        }
    }

    public static RankingModels fromJson(JsonNode node) {
        JsonNode thresholds = node.required("thresholds");
        return new RankingModels(CandidateScorer.fromJson(node.required("scorer"), Features.NAMES),
                LinearModel.fromJson(node.required("calibrator"), ConfidenceInputs.NAMES),
                thresholds.required("answer").asDouble(), thresholds.required("clarify").asDouble(),
                node.hasNonNull("query_adapter") ? Optional.of(QueryAdapter.fromJson(node.get("query_adapter")))
                        : Optional.empty());
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.set("scorer", scorer.toJson());
        root.set("calibrator", calibrator.toJson());
        ObjectNode thresholds = root.putObject("thresholds");
        thresholds.put("answer", answerThreshold);
        thresholds.put("clarify", clarifyThreshold);
        queryAdapter.ifPresent(a -> root.set("query_adapter", a.toJson()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Writes the models to {@code file}, creating its directory if need be. */
    public void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ranking model " + file, e);
        }
    }
}
