package org.civicassist.eval.signals;

import org.civicassist.assistant.pipeline.AnswerPolicy;
import org.civicassist.assistant.pipeline.Decision;
import org.civicassist.nlp.TextUnderstander;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Precision and recall of the "hand to a person" signal on labelled citizen messages (MSGA Beijing): the decision's
 * own signal path — the nlp understanding of the message, then {@link AnswerPolicy#decideFromSignals}, which is what
 * the assistant runs before any retrieval. A message counts as flagged when that step hands it to staff.
 * Positives are messages of type 投诉/求助 or with emotion 愤怒; negatives are 咨询 messages that are not angry;
 * 建言 (suggestions) that are not angry are left out.
 */
public final class HandoffSignalMeasure {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HandoffSignalMeasure() {
    }

    public record Result(int positives, int negatives, int truePositives, int falsePositives) {
        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? 0 : truePositives / (double) flagged;
        }

        public double recall() {
            return positives == 0 ? 0 : truePositives / (double) positives;
        }

        public ObjectNode toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("positives", positives);
            n.put("negatives", negatives);
            n.put("true_positives", truePositives);
            n.put("false_positives", falsePositives);
            n.put("precision", Math.round(precision() * 1000) / 1000.0);
            n.put("recall", Math.round(recall() * 1000) / 1000.0);
            return n;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "handoff signal: precision %.3f recall %.3f (%d positives, %d negatives)",
                    precision(), recall(), positives, negatives);
        }
    }

    public static Result measure(Path messages, TextUnderstander understander, AnswerPolicy policy) {
        List<String> lines;
        try {
            lines = Files.readAllLines(messages, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int pos = 0;
        int neg = 0;
        int tp = 0;
        int fp = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode m = JSON.readTree(line);
            String type = m.path("type").asString();
            boolean angry = "愤怒".equals(m.path("emotion").asString());
            boolean positive = angry || "投诉/求助".equals(type);
            boolean negative = !angry && "咨询".equals(type);
            if (!positive && !negative) {
                continue;
            }
            Decision d = policy.decideFromSignals(understander.understand(m.path("text").asString()));
            boolean flagged = d instanceof Decision.HandToStaff;
            if (positive) {
                pos++;
                if (flagged) {
                    tp++;
                }
            } else {
                neg++;
                if (flagged) {
                    fp++;
                }
            }
        }
        return new Result(pos, neg, tp, fp);
    }
}
