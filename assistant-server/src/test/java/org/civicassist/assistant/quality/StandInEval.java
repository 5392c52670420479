package org.civicassist.assistant.quality;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for eval.jar that the quality tests run as a process: with {@code --kb K --reports DIR} appended (as
 * the runner does) it writes {@code DIR/dev/report.json} and {@code report.html} the way the harness does, prints a
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
        Path dev = Files.createDirectories(reports.resolve("dev"));
        Files.writeString(dev.resolve("report.json"), "{\"name\": \"dev\", \"kb\": \"" + kb.replace("\\", "\\\\")
                + "\", \"questions\": \"eval/questions/dev.jsonl\", \"metrics\": {\"resolution\": 0.75, "
                + "\"wrong_answer_rate\": 0.25, \"latency_ms\": {\"p50\": 3}}, \"counts\": {\"answerable\": 4}}", StandardCharsets.UTF_8);
        Files.writeString(dev.resolve("report.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>Evaluation: dev</title><style>body{font-family:sans-serif}</style></head><body>"
                + "<h1>Evaluation: dev</h1><p id=\"figure\">resolution 0.750</p>"
                + "<script>document.title = 'script ran';</script></body></html>", StandardCharsets.UTF_8);
        while (release != null && !Files.exists(release)) {
            Thread.sleep(20); // waits for the test's signal, a file
        }
        System.out.println("[OK] dev metrics.resolution 0.750 >= 0.70");
        System.exit(exit);
    }

    /** The command line that runs this class with the test classpath. */
    public static List<String> command(String release, int exit) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StandInEval.class.getName(), release, Integer.toString(exit));
    }
}
