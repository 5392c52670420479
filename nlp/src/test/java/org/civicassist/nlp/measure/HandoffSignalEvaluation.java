package org.civicassist.nlp.measure;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.TextUnderstander;
import org.civicassist.nlp.Understanding;
import org.civicassist.nlp.intent.Signal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Measures the "hand to a person" signals (HUMAN_REQUEST, COMPLAINT, ANGER, URGENT_HELP) on labelled messages:
 * <ul>
 *   <li>MSGA Beijing (real citizen messages): positives are messages labelled 投诉/求助 or 愤怒, negatives plain 咨询
 *       (type 咨询, emotion 中性); other messages (建言 中性 …) are not counted;</li>
 *   <li>the dev questions: {@code kind: human} should raise a signal (emergencies count too, they hand off as well),
 *       every other kind ({@code answerable}, {@code out_of_scope}) should not: a signal there is a false alarm
 *       (the last turn of a conversation is judged).</li>
 * </ul>
 * Nothing is fitted here. Run: {@code mvn -q -B -pl nlp test-compile exec:java
 * -Dexec.mainClass=org.civicassist.nlp.measure.HandoffSignalEvaluation -Dexec.classpathScope=test}
 * (optionally {@code -Dexec.args="path/to/shared"}; add {@code misses} to list the misses and false alarms on
 * messages-train and dev — never look at messages-test's).
 */
public final class HandoffSignalEvaluation {

    static final Set<Signal> HANDOFF = EnumSet.of(Signal.HUMAN_REQUEST, Signal.COMPLAINT, Signal.ANGER, Signal.URGENT_HELP);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Precision and recall of a binary detector. */
    public record Figures(String name, int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? 0 : truePositives / (double) flagged;
        }

        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? 0 : truePositives / (double) positives;
        }

        public double falsePositiveRate() {
            int negatives = falsePositives + trueNegatives;
            return negatives == 0 ? 0 : falsePositives / (double) negatives;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: precision %.3f, recall %.3f, false-positive rate %.3f "
                            + "(TP %d, FP %d, FN %d, TN %d)", name, precision(), recall(), falsePositiveRate(),
                    truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    private HandoffSignalEvaluation() {
    }

    static boolean handsOff(Understanding u) {
        return u.signals().stream().anyMatch(s -> HANDOFF.contains(s) || s.isEmergency());
    }

    /** MSGA messages: 投诉/求助 or 愤怒 are positives, 咨询 with emotion 中性 negatives. */
    public static Figures msga(TextUnderstander understander, Path messages) {
        return msga(understander, messages, false);
    }

    private static Figures msga(TextUnderstander understander, Path messages, boolean printMisses) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (JsonNode m : readJsonLines(messages)) {
            String type = m.path("type").asString();
            String emotion = m.path("emotion").asString();
            boolean positive = type.equals("投诉/求助") || emotion.equals("愤怒");
            boolean negative = type.equals("咨询") && emotion.equals("中性");
            if (!positive && !negative) {
                continue;
            }
            boolean flagged = handsOff(understander.understand(m.path("text").asString()));
            if (printMisses && flagged != positive) {
                System.out.println((flagged ? "  false alarm " : "  missed ") + type + " " + emotion + ": "
                        + m.path("text").asString().replace('\n', ' '));
            }
            if (positive) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        return new Figures("msga " + messages.getFileName(), tp, fp, fn, tn);
    }

    /** Dev questions: {@code human} are positives, every other kind ({@code answerable}, {@code out_of_scope}) negatives. */
    public static Figures dev(TextUnderstander understander, Path questions) {
        return dev(understander, questions, false);
    }

    private static Figures dev(TextUnderstander understander, Path questions, boolean printMisses) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (JsonNode q : readJsonLines(questions)) {
            String kind = q.path("kind").asString();
            boolean flagged = handsOff(understander.understand(lastTurn(q)));
            if (printMisses && flagged != kind.equals("human")) {
                System.out.println((flagged ? "  false alarm " : "  missed ") + kind + ": " + lastTurn(q));
            }
            if (kind.equals("human")) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        return new Figures("dev " + questions.getFileName(), tp, fp, fn, tn);
    }

    /** Dialogue turns ({@code dialogues-dev.jsonl}): none asks for a person, so every turn that raises a signal is a false alarm. */
    public static Figures dialogueTurns(TextUnderstander understander, Path dialogues, boolean printMisses) {
        int fp = 0, tn = 0;
        for (JsonNode d : readJsonLines(dialogues)) {
            for (JsonNode turn : d.path("turns")) {
                String text = turn.isString() ? turn.asString() : turn.path("text").asString();
                boolean flagged = handsOff(understander.understand(text));
                if (printMisses && flagged) {
                    System.out.println("  false alarm dialogue turn: " + text);
                }
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        return new Figures("dialogue turns " + dialogues.getFileName(), 0, fp, 0, tn);
    }

    private static String lastTurn(JsonNode q) {
        if (q.hasNonNull("question")) {
            return q.get("question").asString();
        }
        JsonNode turns = q.path("turns");
        JsonNode last = turns.get(turns.size() - 1);
        return last.isString() ? last.asString() : last.path("text").asString();
    }

    static List<JsonNode> readJsonLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(JSON::readTree).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The shared folder beside the checkout (searched upwards from the working directory). */
    public static Optional<Path> findShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isDirectory(shared.resolve("external/msga-beijing"))) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        boolean misses = arguments.contains("misses");
        Path shared = arguments.stream().filter(a -> !a.equals("misses")).findFirst().map(Path::of)
                .or(HandoffSignalEvaluation::findShared)
                .orElseThrow(() -> new IllegalStateException("shared/ not found; pass its path as the argument"));
        TextUnderstander understander = ChineseNlp.bundled().understander();
        System.out.println(msga(understander, shared.resolve("external/msga-beijing/messages-train.jsonl"), misses));
        System.out.println(msga(understander, shared.resolve("external/msga-beijing/messages-test.jsonl"), false));
        System.out.println(dev(understander, shared.resolve("eval/dev.jsonl"), misses));
        System.out.println(dev(understander, shared.resolve("eval/common-dev.jsonl"), misses));
        System.out.println(dialogueTurns(understander, shared.resolve("eval/dialogues-dev.jsonl"), misses));
    }
}
