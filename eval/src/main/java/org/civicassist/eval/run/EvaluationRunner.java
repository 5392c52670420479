package org.civicassist.eval.run;

import org.civicassist.eval.respond.Respondent;
import org.civicassist.eval.evaluation.Evaluation;
import org.civicassist.eval.evaluation.RunProvenance;
import org.civicassist.assistant.pipeline.AnswerPolicy;
import org.civicassist.assistant.llm.LlmHooks;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.eval.baseline.DenseOnlyBaseline;
import org.civicassist.eval.baseline.SmartCnBm25Baseline;
import org.civicassist.eval.question.QuestionFile;
import org.civicassist.eval.question.QuestionSet;
import org.civicassist.eval.report.HtmlReport;
import org.civicassist.eval.report.JsonReport;
import org.civicassist.eval.report.MarkdownReport;
import org.civicassist.eval.score.Scorer;
import org.civicassist.eval.signals.HandoffSignalMeasure;
import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.CachingEmbedder;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.passage.Chunker;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds what a run needs (the assistant through {@link AssistantAssembly}, or a server over HTTP; the baselines),
 * asks the questions, and writes report.json, report.md and report.html. report.json carries the run's
 * {@link RunProvenance} as {@code run} (command, regression file, date, git commit, in process or over HTTP).
 */
public final class EvaluationRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunProvenance provenance;
    private final BgeSmallZhEmbedder.Weights weights;

    /** A run of the harness without a subcommand, with the embedding weights {@code weights}. */
    public EvaluationRunner(BgeSmallZhEmbedder.Weights weights) {
        this(RunProvenance.evalCommand(), weights);
    }

    /** A run whose report records {@code provenance} (which command, which regression file); default weights. */
    public EvaluationRunner(RunProvenance provenance) {
        this(provenance, BgeSmallZhEmbedder.DEFAULT_WEIGHTS);
    }

    private EvaluationRunner(RunProvenance provenance, BgeSmallZhEmbedder.Weights weights) {
        this.provenance = provenance;
        this.weights = weights;
    }

    /** What to evaluate. */
    public record Spec(String name, String kb, Path questions, Path signals, Optional<URI> endpoint, Path store,
                       boolean baselines, LlmHooks llm, String llmDescription) {

        public Spec(String name, String kb, Path questions, Path signals, Optional<URI> endpoint, Path store,
                    boolean baselines) {
            this(name, kb, questions, signals, endpoint, store, baselines, LlmHooks.none(), "none");
        }
    }

    /** Runs the spec and writes the reports into {@code reportDir}; returns report.json. */
    public ObjectNode run(Spec spec, Path reportDir) {
        KbSource source = source(spec.kb());
        long started = System.nanoTime();
        Embedder model = new BgeSmallZhEmbedder(weights);
        Path store = spec.store().resolve(storeName(spec.kb()));
        try (AssistantAssembly assembly = AssistantAssembly.create(source, LoadMode.LENIENT, Optional.of(store),
                model, Clock.systemUTC(), spec.llm().rewriter(), spec.llm().writer())) {
            long buildMillis = (System.nanoTime() - started) / 1_000_000;
            KnowledgeBase kb = assembly.knowledge().get().knowledgeBase();
            ObjectNode report;
            int warmedUp = 0;
            if (spec.questions() != null) {
                QuestionFile questions = QuestionSet.read(spec.questions());
                Scorer scorer = Scorer.of(kb);
                Respondent assistant = spec.endpoint().<Respondent>map(HttpRespondent::new)
                        .orElseGet(() -> new InProcessRespondent(assembly));
                if (warmsUp(spec)) {
                    warmedUp = WarmUp.run(assistant, kb, WarmUp.TURNS);
                }
                List<Respondent> baselines = new ArrayList<>();
                if (spec.baselines()) {
                    List<Passage> passages = new PassageBuilder(Chunker.defaults()).build(kb);
                    baselines.add(new SmartCnBm25Baseline(passages));
                    baselines.add(new DenseOnlyBaseline(passages,
                            new CachingEmbedder(model, store.resolve("embeddings"))));
                }
                Map<String, String> env = environment();
                env.put("embedding", model.modelId());
                env.put("llm", spec.llmDescription());
                Evaluation e = Evaluation.run(spec.name(), spec.kb(), spec.questions().toString(), questions,
                        assistant, baselines, scorer, spec.endpoint().isPresent() ? 0 : buildMillis, env);
                baselines.forEach(Respondent::close);
                report = JsonReport.render(e);
                write(reportDir.resolve("report.md"), MarkdownReport.render(e));
                write(reportDir.resolve("report.html"), HtmlReport.render(e));
            } else {
                report = JSON.createObjectNode();
                report.put("name", spec.name());
                report.put("kb", spec.kb());
                report.put("build_time_ms", buildMillis);
                ObjectNode env = report.putObject("environment");
                environment().forEach(env::put);
                env.put("embedding", model.modelId());
            }
            ObjectNode index = report.putObject("index");
            assembly.knowledge().status().ifPresent(s -> {
                index.put("guides", s.guides());
                index.put("faqs", s.faqs());
                index.put("passages", s.passages());
                index.put("build_ms", s.buildTime().toMillis());
            });
            index.put("heap_mb_after_build", usedHeapMb());
            if (spec.signals() != null) {
                var search = assembly.knowledge().get().rankingModels();
                AnswerPolicy policy = new AnswerPolicy(search.answerThreshold(), search.clarifyThreshold());
                HandoffSignalMeasure.Result r = HandoffSignalMeasure.measure(spec.signals(),
                        assembly.nlp().understander(), policy);
                report.set("handoff_signal", r.toJson());
                System.out.println(spec.name() + " " + r);
            }
            ObjectNode run = provenance.toJson(JSON, spec.endpoint());
            if (warmedUp > 0) {
                run.put("warmup_turns", warmedUp);
            }
            report = withProvenance(report, run);
            Files.createDirectories(reportDir);
            write(reportDir.resolve("report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the run warms the assistant up before timing it ({@link WarmUp}): only where that costs nothing but
     * time — in process, without a language model. Over HTTP the server is someone's (its conversations, analytics and
     * perhaps a model are real: warm it before measuring it); in process with a model each turn would be a call to it.
     */
    static boolean warmsUp(Spec spec) {
        return spec.endpoint().isEmpty() && spec.llm().equals(LlmHooks.none());
    }

    /** The report with {@code run} right after its name, where a reader looks first. */
    private static ObjectNode withProvenance(ObjectNode report, ObjectNode run) {
        ObjectNode out = JSON.createObjectNode();
        out.set("name", report.get("name"));
        out.set("run", run);
        out.setAll(report);
        return out;
    }

    /** {@code bundled} (or none) is the KB in the jar, anything else a KB directory. */
    public static KbSource source(String kb) {
        return kb == null || kb.equals("bundled") ? KbSource.bundled() : KbSource.directory(Path.of(kb));
    }

    /** A store per KB, so that the dev, NCP and MSGA vectors do not mix. */
    public static String storeName(String kb) {
        if (kb == null || kb.equals("bundled")) {
            return "bundled";
        }
        Path p = Path.of(kb).toAbsolutePath().normalize();
        String name = p.getFileName() == null ? "kb" : p.getFileName().toString();
        String parent = p.getParent() == null || p.getParent().getFileName() == null ? ""
                : p.getParent().getFileName() + "-";
        return (parent + name).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        env.put("date", Instant.now().toString());
        return env;
    }

    private static long usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
