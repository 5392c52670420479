package org.civicassist.assistant.quality;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for eval.jar that the quality tests run as a process: with {@code --kb K --reports DIR} appended (as
 * the runner does) it writes {@code DIR/common/} and {@code DIR/dev/} (report.json, report.html) the way the harness does, prints a
 * few lines (one with a phone number, which the status must mask), then waits until the file given as its first
 * argument exists ({@code -} waits for nothing) and exits with the code given as its second argument.
 */
public final class StandInEval {

    private StandInEval() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Path release = a.get(0).equals("-") ? null : Path.of(a.get(0));
        int exit = Integer.parseInt(a.get(1));
        String kb = a.get(a.indexOf("--kb") + 1);
        Path reports = Path.of(a.get(a.indexOf("--reports") + 1));
        System.out.println("stand-in eval on " + kb);
        System.out.println("市民来电 13812345678 的问题已评测");
        System.out.flush();
        report(reports, kb, "common", 0.9);
        report(reports, kb, "dev", 0.75);
        while (release != null && !Files.exists(release)) {
            Thread.sleep(20); // waits for the test's signal, a file
        }
        System.out.println("[OK] dev metrics.resolution 0.750 >= 0.70");
        System.exit(exit);
    }

    /** One report directory as the harness writes it; its report.html carries a script, which must never run. */
    static void report(Path reports, String kb, String name, double resolution) throws java.io.IOException {
        Path dir = Files.createDirectories(reports.resolve(name));
        String figure = String.format(java.util.Locale.ROOT, "%.3f", resolution);
        Files.writeString(dir.resolve("report.json"), "{\"name\": \"" + name + "\", \"kb\": \""
                + kb.replace("\\", "\\\\") + "\", \"questions\": \"eval/questions/" + name + ".jsonl\", "
                + "\"metrics\": {\"resolution\": " + resolution + ", \"wrong_answer_rate\": 0.25, "
                + "\"latency_ms\": {\"p50\": 3}}, \"counts\": {\"answerable\": 4}}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>Evaluation: " + name + "</title><style>body{font-family:sans-serif}</style></head><body>"
                + "<h1>Evaluation: " + name + "</h1><p id=\"figure\">resolution " + figure + "</p>"
                + "<script>document.title = 'script ran';</script></body></html>", StandardCharsets.UTF_8);
    }

    /** The command line that runs this class with the test classpath. */
    public static List<String> command(String release, int exit) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StandInEval.class.getName(), release, Integer.toString(exit));
    }
}
