package org.civicassist.assistant.quality;

import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the evaluation harness as a process of its own, one run at a time: the configured command with
 * {@code --kb <the served KB> --reports <run directory>} appended. Each run has a directory under the reports
 * directory, where the harness writes one {@code <name>/report.json} and {@code report.html} per regression file and
 * this runner its status ({@code run.json}), so that the latest run is known again after a restart. A run is ended
 * when it exceeds its time limit and when the server stops ({@link #close}). What the command prints is kept only as
 * the last lines, with personal data masked.
 */
public class QualityRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QualityRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Run ids and report names as they appear in paths: nothing that could leave the reports directory. */
    public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");
    static final int MAX_LINE = 300;
    static final String RUN_FILE = "run.json";

    /** See {@link QualityProperties}. */
    public record Settings(List<String> command, Path reports, Path workingDirectory, Duration timeout,
                           int tailLines) {
        public Settings {
            command = command == null ? List.of() : List.copyOf(command);
        }
    }

    public enum State { RUNNING, FINISHED, FAILED }

    /**
     * One run as the status shows it.
     *
     * @param kb         the KB evaluated ({@code bundled} or a directory)
     * @param exitCode   the command's exit code once it ended ({@code null} while running or if it never started)
     * @param timedOut   ended for exceeding the time limit
     * @param outputTail the last lines the command printed, personal data masked
     */
    public record Run(String id, State state, String startedBy, Instant startedAt, Instant finishedAt,
                      Integer exitCode, boolean timedOut, String kb, List<String> outputTail) {
    }

    /**
     * The figures of one report.json of a run: its name (the regression file's), KB, question file, metrics and the
     * counts they were computed from.
     */
    public record Report(String name, String kb, String questions, Map<String, Double> metrics,
                         Map<String, Integer> counts) {
    }

    private final Settings settings;
    private final Supplier<String> kb;
    private final UnaryOperator<String> mask;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final Object lock = new Object();
    private Active active;
    private Run latest;
    private CompletableFuture<Run> completion = new CompletableFuture<>();

    /**
     * @param kb   the KB argument for the run now ({@code bundled} or the served directory)
     * @param mask masks personal data in a line of output
     */
    public QualityRunner(Settings settings, Supplier<String> kb, UnaryOperator<String> mask, AuditLog audit,
                         Clock clock) {
        this.settings = settings;
        this.kb = kb;
        this.mask = mask;
        this.audit = audit;
        this.clock = clock;
        this.latest = readLatest().orElse(null);
        completion.complete(latest);
    }

    public boolean enabled() {
        return !settings.command().isEmpty();
    }

    /** The KB a run started now would evaluate. */
    public String kb() {
        return kb.get();
    }

    /** The run going on or the last one (also of an earlier process of the server), if any. */
    public Optional<Run> latest() {
        synchronized (lock) {
            return Optional.ofNullable(active != null ? active.snapshot() : latest);
        }
    }

    /** The last run that has ended, whose reports the console shows (also while the next one runs). */
    public Optional<Run> lastEnded() {
        synchronized (lock) {
            return Optional.ofNullable(latest);
        }
    }

    /** Completes with the latest run once no run is going on. */
    public CompletableFuture<Run> completion() {
        synchronized (lock) {
            return completion;
        }
    }

    /**
     * Starts a run in the name of {@code actor}. 409 {@code quality-off} when no command is configured, 409
     * {@code quality-run-running} while a run is going on. A command that cannot be started gives a failed run.
     */
    public Run start(String actor) {
        if (!enabled()) {
            throw new ApiException(HttpStatus.CONFLICT, "quality-off",
                    "未配置评测命令（assistant.quality.command），无法运行评测。",
                    "No evaluation command is configured (assistant.quality.command).");
        }
        synchronized (lock) {
            if (active != null) {
                throw new ApiException(HttpStatus.CONFLICT, "quality-run-running",
                        "已有一次评测正在运行，请等它结束后再试。",
                        "An evaluation is already running; wait until it has ended.");
            }
            Instant now = clock.instant();
            String id = ID_TIME.format(now) + "-" + HexFormat.of().formatHex(bytes(3));
            String servedKb = kb.get();
            Path dir = settings.reports().resolve(id);
            List<String> command = new ArrayList<>(settings.command());
            command.addAll(List.of("--kb", servedKb, "--reports", dir.toAbsolutePath().toString()));
            Active run = new Active(id, actor, now, servedKb, settings.tailLines());
            active = run;
            completion = new CompletableFuture<>();
            record(actor, "quality-run", id, "kb=" + (servedKb.equals("bundled") ? "bundled" : "directory"));
            try {
                Files.createDirectories(dir);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                if (settings.workingDirectory() != null) {
                    builder.directory(settings.workingDirectory().toFile());
                }
                run.process = builder.start();
            } catch (IOException | RuntimeException e) {
                LOG.warn("quality run {} could not start: {}", id, e.toString());
                run.line("could not start the evaluation command: " + e.getMessage());
                end(run, null);
                return latest;
            }
            write(dir, run.snapshot());
            LOG.info("quality run {} started (who: the audit log)", id);
            Thread reader = daemon("quality-output-" + id, () -> read(run));
            daemon("quality-run-" + id, () -> await(run, reader));
            return run.snapshot();
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void read(Active run) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(run.process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                run.line(line);
            }
        } catch (IOException e) {
            // the process was ended: its output is closed
        }
    }

    private void await(Active run, Thread reader) {
        Process p = run.process;
        Integer exit = null;
        try {
            if (!p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                run.timedOut = true;
                run.line("ended: the evaluation took longer than " + settings.timeout());
                kill(p);
            }
            exit = p.waitFor();
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
        }
        synchronized (lock) {
            if (active == run) {
                end(run, exit);
            }
        }
    }

    /** Ends the process and what it started (a script that starts java): politely, then forcibly. */
    private static void kill(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Under {@link #lock}: the run is over. */
    private void end(Active run, Integer exit) {
        run.finishedAt = clock.instant();
        run.exitCode = exit;
        Run done = run.snapshot();
        latest = done;
        active = null;
        write(settings.reports().resolve(run.id), done);
        record(run.actor, "quality-run-end", run.id, "state=" + done.state().name().toLowerCase(Locale.ROOT)
                + (exit == null ? "" : " exit=" + exit) + (run.timedOut ? " timed-out" : ""));
        LOG.info("quality run {} {}, exit code {}", run.id, done.state(), exit);
        completion.complete(done);
    }

    private void record(String actor, String action, String target, String detail) {
        audit.record(new AuditEntry(clock.instant(), actor, action, target, detail))
                .subscribe(null, e -> LOG.warn("quality run {} not audited: {}", target, e.toString()));
    }

    /** The figures of each report.json the run wrote, by name. */
    public List<Report> reports(String runId) {
        Path dir = runDirectory(runId).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Report> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                Path json = child.resolve("report.json");
                String name = child.getFileName().toString();
                if (!SAFE_NAME.matcher(name).matches() || !Files.isRegularFile(json)) {
                    continue;
                }
                try {
                    JsonNode root = JSON.readTree(json.toFile());
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    root.path("metrics").properties().forEach(e -> {
                        if (e.getValue().isNumber()) {
                            metrics.put(e.getKey(), e.getValue().asDouble());
                        }
                    });
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    root.path("counts").properties().forEach(e -> {
                        if (e.getValue().isIntegralNumber()) {
                            counts.put(e.getKey(), e.getValue().asInt());
                        }
                    });
                    out.add(new Report(name, root.path("kb").asString(null), root.path("questions").asString(null),
                            metrics, counts));
                } catch (JacksonException e) {
                    LOG.warn("quality run {}: {} is not readable JSON", runId, name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The report.html of one report of a run, if there is one. */
    public Optional<Path> reportHtml(String runId, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return runDirectory(runId).map(d -> d.resolve(name).resolve("report.html")).filter(Files::isRegularFile);
    }

    private Optional<Path> runDirectory(String runId) {
        return runId != null && SAFE_NAME.matcher(runId).matches()
                ? Optional.of(settings.reports().resolve(runId)) : Optional.empty();
    }

    /** Ends a run still going when the server stops: no evaluation outlives the server. */
    @Override
    public void close() {
        Active run;
        synchronized (lock) {
            run = active;
        }
        if (run != null && run.process != null) {
            run.line("ended: the server stopped");
            kill(run.process);
            synchronized (lock) {
                if (active == run) {
                    end(run, run.process.isAlive() ? null : run.process.exitValue());
                }
            }
        }
    }

    private void write(Path dir, Run run) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(RUN_FILE + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(run)),
                    StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(RUN_FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.warn("quality run {}: status not written: {}", run.id(), e.toString());
        }
    }

    /** The run as JSON (the API's and run.json's form). */
    public static Map<String, Object> toJson(Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("state", run.state().name().toLowerCase(Locale.ROOT));
        m.put("started_by", run.startedBy());
        m.put("started_at", run.startedAt().toString());
        m.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        m.put("exit_code", run.exitCode());
        m.put("timed_out", run.timedOut());
        m.put("kb", run.kb());
        m.put("output_tail", run.outputTail());
        return m;
    }

    /** The newest run.json under the reports directory; one left "running" by a stopped server counts as failed. */
    private Optional<Run> readLatest() {
        if (!Files.isDirectory(settings.reports())) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(settings.reports())) {
            return dirs.map(d -> d.resolve(RUN_FILE)).filter(Files::isRegularFile).map(this::readRun)
                    .flatMap(Optional::stream)
                    .max(Comparator.comparing(Run::startedAt).thenComparing(Run::id));
        } catch (IOException e) {
            LOG.warn("quality runs not readable: {}", e.toString());
            return Optional.empty();
        }
    }

    private Optional<Run> readRun(Path file) {
        try {
            JsonNode j = JSON.readTree(file.toFile());
            State state = State.valueOf(j.path("state").asString().toUpperCase(Locale.ROOT));
            List<String> tail = new ArrayList<>();
            j.path("output_tail").forEach(l -> tail.add(l.asString()));
            boolean interrupted = state == State.RUNNING;
            return Optional.of(new Run(j.path("id").asString(), interrupted ? State.FAILED : state,
                    j.path("started_by").asString(), Instant.parse(j.path("started_at").asString()),
                    j.path("finished_at").isString() ? Instant.parse(j.path("finished_at").asString()) : null,
                    j.path("exit_code").isNumber() ? j.path("exit_code").asInt() : null,
                    j.path("timed_out").asBoolean(), j.path("kb").asString(null), tail));
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            LOG.warn("quality run status {} not readable", file.getParent().getFileName());
            return Optional.empty();
        }
    }

    /** A run going on: its process and the last lines of its output. */
    private final class Active {
        final String id;
        final String actor;
        final Instant startedAt;
        final String kb;
        final int keep;
        final Deque<String> tail = new ArrayDeque<>();
        volatile Process process;
        volatile boolean timedOut;
        volatile Instant finishedAt;
        volatile Integer exitCode;

        Active(String id, String actor, Instant startedAt, String kb, int keep) {
            this.id = id;
            this.actor = actor;
            this.startedAt = startedAt;
            this.kb = kb;
            this.keep = Math.max(1, keep);
        }

        void line(String raw) {
            String cut = raw.length() > MAX_LINE ? raw.substring(0, MAX_LINE) + "…" : raw;
            String masked = mask.apply(cut);
            synchronized (tail) {
                tail.addLast(masked);
                while (tail.size() > keep) {
                    tail.removeFirst();
                }
            }
        }

        Run snapshot() {
            List<String> lines;
            synchronized (tail) {
                lines = List.copyOf(tail);
            }
            State state = finishedAt == null ? State.RUNNING
                    : exitCode != null && exitCode == 0 && !timedOut ? State.FINISHED : State.FAILED;
            return new Run(id, state, actor, startedAt, finishedAt, exitCode, timedOut, kb, lines);
        }
    }
}
