package org.civicassist.nlp.measure;

import org.civicassist.nlp.intent.Signal;
import org.civicassist.nlp.intent.SignalDetector;
import org.civicassist.nlp.lexicon.SourceLine;
import org.civicassist.nlp.normalize.TextNormalizer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each hand-off cue line of a signals file fires on, alone (with the modifier sections): MSGA messages-train
 * positives and negatives (as in {@link HandoffSignalEvaluation}) and dev questions that are not {@code human}
 * (false alarms). A tool to audit cue families ("would this fire on a plain service question?"); it never reads
 * messages-test. Run with the signals file and the shared folder as arguments.
 */
public final class CueLineReport {

    private CueLineReport() {
    }

    private record Text(String text, int label) {
    }

    public static void main(String[] args) throws IOException {
        Path signals = Path.of(args[0]);
        Path shared = Path.of(args[1]);
        TextNormalizer normalizer = new TextNormalizer();
        List<Text> texts = new ArrayList<>();
        for (JsonNode m : HandoffSignalEvaluation.readJsonLines(shared.resolve("external/msga-beijing/messages-train.jsonl"))) {
            String type = m.path("type").asString();
            String emotion = m.path("emotion").asString();
            int label = type.equals("投诉/求助") || emotion.equals("愤怒") ? 1
                    : type.equals("咨询") && emotion.equals("中性") ? 0 : -1;
            if (label >= 0) {
                texts.add(new Text(normalizer.normalizeToString(m.path("text").asString()), label));
            }
        }
        for (String dev : List.of("eval/dev.jsonl", "eval/common-dev.jsonl")) {
            for (JsonNode q : HandoffSignalEvaluation.readJsonLines(shared.resolve(dev))) {
                if (!q.path("kind").asString().equals("human")) {
                    String t = q.hasNonNull("question") ? q.get("question").asString() : q.path("turns").toString();
                    texts.add(new Text(normalizer.normalizeToString(t), 2));
                }
            }
        }
        List<String> all = Files.readAllLines(signals, StandardCharsets.UTF_8);
        List<SourceLine> modifiers = new ArrayList<>();
        String section = null;
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            if (line.startsWith("[")) {
                section = line;
            }
            if (section != null && !line.isEmpty() && !line.startsWith("#") && !section.equals("[GREETING]") && !section.equals("[THANKS]")
                    && !section.equals("[GOODBYE]") && !isHandoff(section)) {
                modifiers.add(new SourceLine("signals.txt", i + 1, all.get(i)));
            }
        }
        section = null;
        List<boolean[]> firedByLine = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] firing = new int[texts.size()];
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            if (section == null || !isHandoff(section) || line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<SourceLine> lines = new ArrayList<>(modifiers);
            lines.add(new SourceLine("signals.txt", 0, section));
            lines.add(new SourceLine("signals.txt", i + 1, line));
            SignalDetector detector = SignalDetector.parse(lines, normalizer::normalizeToString);
            int tp = 0, fp = 0, dev = 0;
            boolean[] firedOn = new boolean[texts.size()];
            for (int k = 0; k < texts.size(); k++) {
                Text t = texts.get(k);
                boolean fired = detector.detect(t.text()).stream()
                        .anyMatch(s -> HandoffSignalEvaluation.HANDOFF.contains(s) || s.isEmergency());
                firedOn[k] = fired;
                if (fired) {
                    firing[k]++;
                    switch (t.label()) {
                        case 1 -> tp++;
                        case 0 -> fp++;
                        default -> dev++;
                    }
                }
            }
            firedByLine.add(firedOn);
            names.add(String.format(Locale.ROOT, "%4d\tTP %4d\tFP %3d\tprec %.2f\tdev %d", i + 1, tp, fp,
                    tp + fp == 0 ? 0 : tp / (double) (tp + fp), dev) + "\t%s\t" + section + " " + line);
        }
        // alone: what only this line flags (lost if it went)
        for (int l = 0; l < names.size(); l++) {
            int tp = 0, fp = 0, dev = 0;
            boolean[] firedOn = firedByLine.get(l);
            for (int k = 0; k < texts.size(); k++) {
                if (firedOn[k] && firing[k] == 1) {
                    switch (texts.get(k).label()) {
                        case 1 -> tp++;
                        case 0 -> fp++;
                        default -> dev++;
                    }
                }
            }
            System.out.println(String.format(names.get(l), String.format(Locale.ROOT, "only TP %d FP %d dev %d", tp, fp, dev)));
        }
    }

    private static boolean isHandoff(String section) {
        String name = section.substring(1, section.length() - 1);
        try {
            Signal s = Signal.valueOf(name);
            return HandoffSignalEvaluation.HANDOFF.contains(s) || s.isEmergency();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
