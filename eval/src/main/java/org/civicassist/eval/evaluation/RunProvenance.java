package org.civicassist.eval.evaluation;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a report came from, kept in report.json as {@code run}: the command that wrote it ({@code all},
 * {@code regress}, {@code eval}, {@code signals}), the regression file it ran (if any), when, on which git commit, and
 * how the assistant was asked ({@code in_process}, or {@code http} with the endpoint): latency means something else in
 * each case. Figures for the README are taken only from reports whose command is {@code all}.
 *
 * @param command        the eval.jar command that ran
 * @param regressionFile the regression file it ran, or null
 */
public record RunProvenance(String command, String regressionFile) {

    public static final String IN_PROCESS = "in_process";
    public static final String HTTP = "http";

    /** A run of the harness without a subcommand. */
    public static RunProvenance evalCommand() {
        return new RunProvenance("eval", null);
    }

    /** The {@code run} object of report.json, written now. */
    public ObjectNode toJson(JsonMapper json, Optional<URI> endpoint) {
        ObjectNode run = json.createObjectNode();
        run.put("command", command);
        if (regressionFile != null) {
            run.put("regression_file", regressionFile);
        }
        run.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        run.put("commit", gitCommit());
        run.put("respondent", endpoint.isPresent() ? HTTP : IN_PROCESS);
        endpoint.ifPresent(u -> run.put("endpoint", u.toString()));
        return run;
    }

    /** {@code git rev-parse --short HEAD} in the working directory, or "unknown" (no git, not a checkout …). */
    public static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            return p.exitValue() == 0 && out.matches("[0-9a-f]{4,40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
