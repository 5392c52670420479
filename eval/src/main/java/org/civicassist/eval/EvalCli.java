package org.civicassist.eval;

import org.civicassist.eval.fit.AdapterFit;
import org.civicassist.eval.fit.HeldOutSimilarQuestions;
import org.civicassist.eval.fit.Ablation;
import org.civicassist.eval.fit.BoostedTreesTrainer;
import org.civicassist.eval.fit.ModelFit;
import org.civicassist.eval.fit.Partitions;
import org.civicassist.eval.fit.PipelineCrossValidation;
import org.civicassist.eval.replay.Replay;
import org.civicassist.eval.load.LoadRun;
import org.civicassist.eval.question.Question;
import org.civicassist.eval.question.QuestionFile;
import org.civicassist.eval.question.QuestionSet;
import org.civicassist.eval.regress.RegressionCheck;
import org.civicassist.eval.regress.RegressionFile;
import org.civicassist.eval.report.FiguresSnippet;
import org.civicassist.eval.report.JsonReport;
import org.civicassist.eval.evaluation.Evaluation;
import org.civicassist.eval.run.EvaluationRunner;
import org.civicassist.eval.run.InProcessRespondent;
import org.civicassist.eval.evaluation.RunProvenance;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.rank.RankingModelFitter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The evaluation harness. Without a subcommand it evaluates one question file:
 * <pre>
 * java -jar eval/target/eval.jar --kb DIR --questions FILE --report DIR      # in process
 * java -jar eval/target/eval.jar --endpoint URL --questions FILE --report DIR  # through a running server
 * </pre>
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measures how many questions the assistant resolves, and where it fails.",
        subcommands = {EvalCli.Regress.class, EvalCli.All.class, EvalCli.Signals.class, EvalCli.Fit.class,
                EvalCli.Load.class, EvalCli.Figures.class, EvalCli.ReplayCommand.class, EvalCli.Adapt.class,
                EvalCli.Vectors.class, EvalCli.CrossVal.class})
public final class EvalCli implements Callable<Integer> {

    @Option(names = "--kb", description = "KB directory, or 'bundled' (default)", defaultValue = "bundled")
    String kb;

    @Option(names = "--questions", description = "question file (JSON lines)")
    Path questions;

    @Option(names = "--report", description = "report directory", defaultValue = "target/eval/report")
    Path report;

    @Option(names = "--endpoint", description = "ask a running server instead of the in-process assistant")
    URI endpoint;

    @Option(names = "--store", description = "where vectors and indexes are kept between runs",
            defaultValue = "target/eval-store")
    Path store;

    @Option(names = "--no-baselines", description = "skip the baselines")
    boolean noBaselines;

    @Option(names = "--name", description = "name of the run in the report", defaultValue = "run")
    String name;

    @CommandLine.Mixin
    LlmModeOptions llm;

    @CommandLine.Mixin
    EmbeddingOptions embedding;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvalCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        if (questions == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--questions is required");
        }
        ObjectNode r = new EvaluationRunner(embedding.weights()).run(new EvaluationRunner.Spec(name, kb, questions, null,
                Optional.ofNullable(endpoint), store, !noBaselines, llm.hooks(), llm.describe()), report);
        System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(r.get("metrics")));
        System.out.println("reports in " + report.toAbsolutePath());
        return 0;
    }

    /** Runs regression files and checks their minimums: [OK] / [FAIL] lines, exit 1 on any failure. */
    @Command(name = "regress", description = "Run regression files and verify their expected figures.")
    static final class Regress implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "regression YAML files")
        List<Path> files;

        @Option(names = "--reports", defaultValue = "target/eval")
        Path reports;

        @Option(names = "--store", defaultValue = "target/eval-store")
        Path store;

        @Option(names = "--kb", description = KB_OVERRIDE)
        String kb;

        @Override
        public Integer call() {
            return runAll("regress", files, reports, store, true, kb);
        }
    }

    /**
     * The reports of every regression file (dev, common, NCP, MSGA …) in one command: the runs the README's figures
     * are made from. A file whose data is missing (the external sets of ../shared in a clone without it) is skipped
     * with a [SKIP] line, or fails the run with {@code --fail-on-missing}.
     */
    @Command(name = "all", description = "Run every regression file under a directory (default eval/regressions).")
    static final class All implements Callable<Integer> {
        @Option(names = "--dir", defaultValue = "eval/regressions")
        Path dir;

        @Option(names = "--reports", defaultValue = "target/eval")
        Path reports;

        @Option(names = "--store", defaultValue = "target/eval-store")
        Path store;

        @Option(names = "--fail-on-missing", description = "fail instead of skipping a file whose KB, questions or "
                + "signals are missing")
        boolean failOnMissing;

        @Option(names = "--kb", description = KB_OVERRIDE)
        String kb;

        @Override
        public Integer call() throws Exception {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            return runAll("all", files, reports, store, failOnMissing, kb);
        }
    }

    static final String KB_OVERRIDE = "run every file on this KB directory (or 'bundled') instead of the KB it names: "
            + "the questions and minimums of the files measured on the KB a server serves now";

    static int runAll(String command, List<Path> files, Path reports, Path store, boolean failOnMissing) {
        return runAll(command, files, reports, store, failOnMissing, null);
    }

    /**
     * Runs each regression file whose data is present and prints the [OK]/[FAIL] lines; a file whose data is missing
     * gives a [SKIP] line, or a [FAIL] one when {@code failOnMissing}. Exit 1 on any failure. A {@code kb} (not null)
     * replaces every file's KB.
     */
    static int runAll(String command, List<Path> files, Path reports, Path store, boolean failOnMissing, String kb) {
        List<String> lines = new ArrayList<>();
        long failed = 0;
        int checks = 0;
        for (Path file : files) {
            RegressionFile r = kb == null ? RegressionFile.load(file) : RegressionFile.load(file).onKb(kb);
            List<String> missing = r.missingData();
            if (!missing.isEmpty()) {
                String what = r.name() + " (" + file + "): not found: " + String.join(", ", missing);
                lines.add((failOnMissing ? "[FAIL] " : "[SKIP] ") + what);
                failed += failOnMissing ? 1 : 0;
                continue;
            }
            ObjectNode report = new EvaluationRunner(new RunProvenance(command, file.toString()))
                    .run(new EvaluationRunner.Spec(r.name(), r.kb(),
                            r.questions() == null ? null : Path.of(r.questions()),
                            r.signals() == null ? null : Path.of(r.signals()), Optional.empty(), store,
                            r.baselines()),
                    reports.resolve(r.name()));
            for (RegressionCheck.Line line : RegressionCheck.verify(r, report)) {
                lines.add(line.toString());
                checks++;
                failed += line.ok() ? 0 : 1;
            }
        }
        lines.forEach(System.out::println);
        System.out.println(failed == 0 ? "all " + checks + " checks passed" : failed + " check(s) FAILED");
        return failed == 0 ? 0 : 1;
    }

    @Command(name = "signals", description = "Precision/recall of the hand-to-a-person signal on labelled messages.")
    static final class Signals implements Callable<Integer> {
        @Option(names = "--messages", required = true)
        Path messages;

        @Option(names = "--report", defaultValue = "target/eval/signals")
        Path report;

        @Option(names = "--store", defaultValue = "target/eval-store")
        Path store;

        @Override
        public Integer call() {
            new EvaluationRunner(new RunProvenance("signals", null)).run(new EvaluationRunner.Spec("signals",
                    "bundled", null, messages, Optional.empty(), store, false), report);
            return 0;
        }
    }

    @Command(name = "fit", description = "Fit the ranking model and confidence calibrator on labelled questions.")
    static final class Fit implements Callable<Integer> {
        @CommandLine.Mixin
        EmbeddingOptions embedding;

        @Option(names = "--kb", defaultValue = "bundled")
        String kb;

        @Option(names = "--questions", required = true, description = "question file (single questions or dialogues); "
                + "repeat for several styles (each file's questions are reported on their own)")
        List<Path> questions;

        @Option(names = "--out", required = true, description = "ranking-model.json to write")
        Path out;

        @Option(names = "--store", defaultValue = "target/eval-store")
        Path store;

        @Option(names = "--max-wrong-answer-rate", defaultValue = "0.10")
        double maxWrong;

        @Option(names = "--calibrator-l2", description = "L2 penalty of the confidence calibrator (default: chosen by "
                + "cross-validation, the strongest that predicts within one standard error of the best)")
        Double calibratorL2;

        @Option(names = "--scorer", defaultValue = "trees",
                description = "the candidate scorer: trees (gradient-boosted, XGBoost) or linear")
        String scorer;

        @Option(names = "--ablation", description = "also fit with each feature family left out and print what each "
                + "buys (out-of-fold Recall@1 and expected resolution)")
        boolean ablation;

        @Option(names = "--faq-similar", description = "also fit on the FAQs' similar questions, each asked of a copy "
                + "of the KB without any similar question (style faq-similar)")
        boolean faqSimilar;

        @Option(names = "--partitions", defaultValue = "1", description = "also fit on this many partitions of the "
                + "questions into folds (shuffled; the first is the questions' order) and print the mean and range of "
                + "the out-of-fold figures: one partition's figures move by about 0.01 in Recall@1 with the partition "
                + "alone")
        int partitions;

        @Option(names = "--self-supervised-weight", defaultValue = "0.5",
                description = "weight of questions made from the KB's own sections (0 = labelled questions only)")
        double selfSupervisedWeight;

        @Override
        public Integer call() {
            AssistantAssembly assembly = AssistantAssembly.create(EvaluationRunner.source(kb), LoadMode.LENIENT,
                    Optional.of(store.resolve(fitStoreName(kb))), embedding.embedder(), Clock.systemUTC());
            try (InProcessRespondent assistant = new InProcessRespondent(assembly)) {
                // the candidates' dense features were computed with the KB's query adapter: the fitted scorer needs it
                Optional<org.civicassist.kb.embed.QueryAdapter> adapter =
                        assembly.knowledge().get().rankingModels().queryAdapter();
                java.util.Map<String, List<Question>> qs = new java.util.LinkedHashMap<>();
                for (Path file : questions) {
                    qs.put(file.getFileName().toString().replaceFirst("\\.jsonl$", ""), judged(file));
                }
                RankingModelFitter.Settings defaults = RankingModelFitter.Settings.defaults();
                RankingModelFitter.Settings settings = new RankingModelFitter.Settings(defaults.scorerL2(),
                        calibratorL2 == null ? defaults.calibratorL2() : calibratorL2, maxWrong, selfSupervisedWeight);
                RankingModelFitter.ScorerTrainer trainer = switch (scorer) {
                    case "trees" -> new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults());
                    case "linear" -> RankingModelFitter.LINEAR;
                    default -> throw new CommandLine.ParameterException(new CommandLine(this),
                            "--scorer must be trees or linear, not " + scorer);
                };
                ModelFit.Training training = ModelFit.Training.of(assistant, qs);
                if (faqSimilar) {
                    HeldOutSimilarQuestions.Prepared similar = HeldOutSimilarQuestions.prepare(kb,
                            store.resolve("held-out-similar"), store, fitStoreName(kb));
                    try (InProcessRespondent stripped = new InProcessRespondent(AssistantAssembly.create(
                            KbSource.directory(similar.kb()), LoadMode.LENIENT,
                            Optional.of(store.resolve(similar.kb().getFileName().toString())), embedding.embedder(),
                            Clock.systemUTC()))) {
                        training = training.with(stripped, "faq-similar", similar.questions());
                    }
                }
                if (partitions < 1) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--partitions must be at least 1, not " + partitions);
                }
                RankingModelFitter.Fit fit = ModelFit.fit(training, settings, trainer);
                fit.models().withQueryAdapter(adapter).save(out);
                if (partitions > 1) {
                    System.out.println(Partitions.markdown(Partitions.fit(fit, training, settings, trainer,
                            partitions)));
                }
                if (ablation) {
                    RankingModelFitter.ScorerTrainer other = scorer.equals("trees") ? RankingModelFitter.LINEAR
                            : new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults());
                    System.out.println(Ablation.markdown(Ablation.run(training, settings, trainer, scorer, other,
                            scorer.equals("trees") ? "linear" : "trees")));
                }
                System.out.printf(Locale.ROOT, "fitted on %d questions: cross-validated Recall@1 %.3f, expected "
                                + "resolution %.3f at wrong-answer rate %.3f; thresholds answer %.3f, clarify %.3f; "
                                + "calibrator L2 %s%nwritten to %s (rerun fit once more: the candidate lists depend "
                                + "slightly on the model)%n", fit.questions(), fit.crossValidatedRecallAt1(),
                        fit.expectedResolution(), fit.expectedWrongAnswerRate(), fit.models().answerThreshold(),
                        fit.models().clarifyThreshold(), fit.calibratorL2(), out);
                fit.byStyle().forEach((style, figures) -> System.out.printf(Locale.ROOT,
                        "  %-16s %4d questions: out-of-fold Recall@1 %.3f, resolution %.3f, wrong-answer rate %.3f,"
                                + " within one click %.3f%s%n",
                        style, figures.questions(), figures.recallAt1(), figures.resolution(),
                        figures.wrongAnswerRate(), figures.withinOneClick(),
                        Double.isNaN(figures.outOfScopeNotAnswered()) ? "" : String.format(Locale.ROOT,
                                ", out of scope not answered %.3f", figures.outOfScopeNotAnswered())));
            }
            return 0;
        }
    }

    @Command(name = "crossval", description = "Out-of-fold figures of the whole answer path: each question file cut "
            + "into folds, a model fitted on the other folds of every file, the fold judged through the assistant with "
            + "it (thresholds, service cards, element and follow-up rules and all).")
    static final class CrossVal implements Callable<Integer> {
        @CommandLine.Mixin
        EmbeddingOptions embedding;

        @Option(names = "--kb", defaultValue = "bundled")
        String kb;

        @Option(names = "--questions", required = true, description = "question file; repeat for several styles")
        List<Path> questions;

        @Option(names = "--folds", defaultValue = "" + PipelineCrossValidation.DEFAULT_FOLDS)
        int folds;

        @Option(names = "--store", defaultValue = "target/eval-store")
        Path store;

        @Option(names = "--work", defaultValue = "target/eval/crossval", description = "where the KB copy that carries "
                + "each fold's model is kept, and each fold's model (fold-K/ranking-model.json); crossval.json and "
                + "each file's out-of-fold report are written here too")
        Path work;

        @Option(names = "--max-wrong-answer-rate", defaultValue = "0.10")
        double maxWrong;

        @Option(names = "--models-from", description = "judge with the fold models an earlier run saved in its --work "
                + "directory instead of fitting: two versions of the code judged by the same models (paired)")
        Path modelsFrom;

        @Override
        public Integer call() throws Exception {
            Path kbStore = store.resolve(fitStoreName(kb));
            Embedder embedder = embedding.embedder();
            Map<String, QuestionFile> files = new LinkedHashMap<>();
            for (Path file : questions) {
                files.put(file.getFileName().toString().replaceFirst("\\.jsonl$", ""), QuestionSet.read(file));
            }
            RankingModelFitter.Settings defaults = RankingModelFitter.Settings.defaults();
            RankingModelFitter.Settings settings = new RankingModelFitter.Settings(defaults.scorerL2(),
                    defaults.calibratorL2(), maxWrong, defaults.selfSupervisedWeight());
            PipelineCrossValidation.Result result;
            try (InProcessRespondent shipped = new InProcessRespondent(AssistantAssembly.create(
                    EvaluationRunner.source(kb), LoadMode.LENIENT, Optional.of(kbStore), embedder,
                    Clock.systemUTC()))) {
                PipelineCrossValidation.FoldModels models = modelsFrom != null
                        ? PipelineCrossValidation.FoldModels.savedIn(modelsFrom)
                        : PipelineCrossValidation.FoldModels.fitted(shipped, files, settings,
                        new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults()));
                result = PipelineCrossValidation.run(shipped, kb, work, kbStore, embedder, files, folds, models);
            }
            ObjectNode json = JsonMapper.builder().build().createObjectNode();
            json.put("kb", kb);
            json.put("folds", folds);
            json.put("models", modelsFrom == null ? "fitted" : "from " + modelsFrom);
            var thresholds = json.putArray("thresholds");
            result.thresholds().forEach(t -> thresholds.addObject().put("answer", t[0]).put("clarify", t[1]));
            ObjectNode byFile = json.putObject("out_of_fold");
            Files.createDirectories(work);
            result.byFile().forEach((style, judged) -> {
                // each file's out-of-fold replies as a report of its own (failures, calibration) beside crossval.json
                writeReport(work.resolve(style + ".json"), JsonReport.render(new Evaluation("crossval " + style, kb,
                        style, 0, judged, Map.of(), EvaluationRunner.environment())));
                var metrics = judged.metrics();
                ObjectNode node = byFile.putObject(style);
                metrics.figures().forEach((k, v) -> {
                    if (v != null) {
                        node.put(k, Math.round(v * 1000) / 1000.0);
                    }
                });
                System.out.println(style + " (out of fold, " + folds + " folds): " + node);
            });
            result.thresholds().forEach(t -> System.out.printf(Locale.ROOT, "  fold thresholds: answer %.3f, clarify "
                    + "%.3f%n", t[0], t[1]));
            writeReport(work.resolve("crossval.json"), json);
            System.out.println("written to " + work.resolve("crossval.json").toAbsolutePath());
            return 0;
        }
    }

    private static void writeReport(Path file, ObjectNode report) {
        try {
            Files.writeString(file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store directory fit and adapt keep a KB's vectors and index in: {@code bundled}, or the KB directory's name. */
    static String fitStoreName(String kb) {
        return kb.equals("bundled") ? "bundled" : Path.of(kb).getFileName().toString();
    }

    @Command(name = "adapt", description = "Fit the query adapter of the dense retrieval on the KB's own paraphrases "
            + "and write the ranking model with it (refit the ranking model afterwards: its dense features change).")
    static final class Adapt implements Callable<Integer> {
        @CommandLine.Mixin
        EmbeddingOptions embedding;

        @Option(names = "--kb", defaultValue = "bundled")
        String kb;

        @Option(names = "--store", defaultValue = "target/eval-store")
        Path store;

        @Option(names = "--out", required = true, description = "ranking-model.json to write: the KB's current "
                + "model with the fitted adapter")
        Path out;

        @Option(names = "--questions", description = "question files to measure dense Recall@1 on, before and after "
                + "(never fitted on)")
        List<Path> questions = List.of();

        @Option(names = "--rank", defaultValue = "32")
        int rank;

        @Option(names = "--epochs", defaultValue = "12")
        int epochs;

        @Override
        public Integer call() {
            Path kbStore = store.resolve(fitStoreName(kb));
            try (AssistantAssembly assembly = AssistantAssembly.create(EvaluationRunner.source(kb), LoadMode.LENIENT,
                    Optional.of(kbStore), embedding.embedder(), Clock.systemUTC())) {
                org.civicassist.kb.search.KnowledgeSearch search = assembly.knowledge().get();
                List<org.civicassist.kb.passage.Passage> passages =
                        new org.civicassist.kb.passage.PassageBuilder(org.civicassist.kb.passage.Chunker.defaults())
                                .build(search.knowledgeBase());
                // the vectors the index was built with are in the store's cache: only the new texts are embedded
                org.civicassist.kb.embed.Embedder embedder = new org.civicassist.kb.embed.CachingEmbedder(
                        embedding.embedder(), kbStore.resolve("embeddings"));
                org.civicassist.kb.rank.QueryAdapterTrainer.Settings defaults =
                        org.civicassist.kb.rank.QueryAdapterTrainer.Settings.defaults();
                var settings = new org.civicassist.kb.rank.QueryAdapterTrainer.Settings(rank,
                        defaults.temperature(), defaults.learningRate(), defaults.l2(), epochs, defaults.batch(),
                        defaults.seed());
                long began = System.nanoTime();
                var result = AdapterFit.fit(passages, embedder, settings);
                System.out.printf(Locale.ROOT, "adapter of rank %d fitted on %d paraphrase pairs in %.0f s; held-out "
                                + "pairs finding their item first: %.3f -> %.3f (epoch %d)%n", rank, result.pairs(),
                        (System.nanoTime() - began) / 1e9, result.heldOutRecallBefore(),
                        result.heldOutRecallAfter(), result.epochs());
                for (Path file : questions) {
                    AdapterFit.DenseRecall recall = AdapterFit.denseRecall(judged(file), passages, embedder,
                            assembly.nlp().understander(), result.adapter());
                    System.out.printf(Locale.ROOT, "  %-16s %4d questions: dense Recall@1 %.3f -> %.3f%n",
                            file.getFileName(), recall.questions(), recall.before(), recall.after());
                }
                search.rankingModels().withQueryAdapter(Optional.of(result.adapter())).save(out);
                System.out.println("written to " + out);
            }
            return 0;
        }
    }

    @Command(name = "vectors", description = "Write the vectors a KB directory ships (vectors-<model>.bin beside "
            + "faq.jsonl), so that its first build on a fresh machine embeds nothing; rerun after editing the KB. "
            + "A deployment's KB, not the repository's: the file is a build output of some megabytes.")
    static final class Vectors implements Callable<Integer> {
        @CommandLine.Mixin
        EmbeddingOptions embedding;

        @Option(names = "--kb", required = true, description = "KB directory")
        String kb;

        @Option(names = "--fresh", description = "embed every text again instead of keeping the shipped vectors of "
                + "the texts that did not change")
        boolean fresh;

        @Override
        public Integer call() throws java.io.IOException {
            Path dir = Path.of(kb);
            if (!Files.isDirectory(dir)) {
                System.err.println("no KB directory " + dir.toAbsolutePath());
                return 2;
            }
            KbSource source = KbSource.directory(dir);
            org.civicassist.kb.model.KnowledgeBase base = new org.civicassist.kb.load.KnowledgeBaseLoader()
                    .load(source, LoadMode.LENIENT).knowledgeBase();
            org.civicassist.kb.embed.BgeSmallZhEmbedder model = embedding.embedder();
            org.civicassist.kb.embed.ShippedVectors shipped = fresh ? org.civicassist.kb.embed.ShippedVectors.none()
                    : org.civicassist.kb.search.KnowledgeSearchBuilder.shippedVectors(source, model);
            List<String> texts = org.civicassist.kb.search.KnowledgeSearchBuilder.embeddedTexts(base);
            long kept = texts.stream().distinct().filter(t -> shipped.contains(model.modelId(), t)).count();
            long began = System.nanoTime();
            List<float[]> vectors = shipped.before(model).embedAll(texts);
            Path out = dir.resolve(org.civicassist.kb.embed.VectorFile.fileName(model.modelId()));
            long bytes = org.civicassist.kb.embed.ShippedVectors.write(out, model.modelId(), texts, vectors);
            long distinct = texts.stream().distinct().count();
            System.out.printf(Locale.ROOT, "%d texts (%d distinct): %d kept, %d embedded in %.1f s; %,d bytes written "
                    + "to %s%n", texts.size(), distinct, kept, distinct - kept, (System.nanoTime() - began) / 1e9,
                    bytes, out);
            return 0;
        }
    }

    /**
     * The questions of a file to fit on: its single questions, or every turn of its dialogues that expects an item
     * (asked after the turns before it, in one conversation).
     */
    static List<Question> judged(Path file) {
        return PipelineCrossValidation.fitQuestions(QuestionSet.read(file));
    }

    @Command(name = "replay", description = "What resolution would be after accepting suggested similar questions: "
            + "the questions on the KB as it is and on a copy with the suggestions applied.")
    static final class ReplayCommand implements Callable<Integer> {
        @Option(names = "--kb", defaultValue = "bundled")
        String kb;

        @Option(names = "--suggestions", required = true,
                description = "JSON of GET /api/v1/admin/kb/suggestions (an array of suggestions)")
        Path suggestions;

        @Option(names = "--questions", required = true)
        Path questions;

        @Option(names = "--store", defaultValue = "target/eval-store")
        Path store;

        @Option(names = "--reports", defaultValue = "target/eval/replay")
        Path reports;

        @Override
        public Integer call() {
            Replay.Result r = Replay.run(kb, questions, Replay.read(suggestions), store, reports);
            System.out.printf(Locale.ROOT, "suggestions: %d applied, %d already in the KB, %d skipped (a guide or an "
                    + "unknown FAQ: accepting needs a FAQ)%n", r.applied(), r.alreadyPresent(), r.skipped());
            for (String metric : List.of("resolution", "resolved_within_one_click", "wrong_answer_rate",
                    "turn_resolution")) {
                tools.jackson.databind.JsonNode before = r.before().path("metrics").path(metric);
                tools.jackson.databind.JsonNode after = r.after().path("metrics").path(metric);
                if (before.isNumber() && after.isNumber()) {
                    System.out.printf(Locale.ROOT, "%-26s %.3f -> %.3f%n", metric, before.asDouble(),
                            after.asDouble());
                }
            }
            System.out.println("reports: " + reports.resolve("before") + ", " + reports.resolve("after"));
            return 0;
        }
    }

    @Command(name = "load", description = "Load a running server; compare with its trivial endpoint.")
    static final class Load implements Callable<Integer> {
        @Option(names = "--endpoint", required = true)
        URI endpoint;

        @Option(names = "--questions", required = true)
        Path questions;

        @Option(names = "--concurrency", defaultValue = "8")
        int concurrency;

        @Option(names = "--duration", defaultValue = "30", description = "seconds per phase")
        int duration;

        @Option(names = "--common", defaultValue = "10",
                description = "how many questions make up the 'repeated common questions' phase")
        int common;

        @Option(names = "--common-questions", description = "the file the repeated common questions are the first "
                + "--common of (default: --questions); short common questions are what a site mostly sees")
        Path commonQuestions;

        @Option(names = "--report", description = "write load.json here")
        Path report;

        @Option(names = "--warmup", defaultValue = "0", description = "seconds of the common questions' load run "
                + "first and not measured, so that no phase pays the JIT compiler's start (the ceiling, run last, "
                + "never did)")
        int warmup;

        @Override
        public Integer call() throws Exception {
            List<String> texts = QuestionSet.load(questions).stream().map(Question::lastTurn).toList();
            List<String> commonTexts = commonQuestions == null ? texts
                    : QuestionSet.load(commonQuestions).stream().map(Question::lastTurn).toList();
            LoadRun load = new LoadRun(endpoint, concurrency);
            Duration d = Duration.ofSeconds(duration);
            List<String> repeated = commonTexts.subList(0, Math.min(common, commonTexts.size()));
            if (warmup > 0) {
                System.out.println("warm-up, not measured: " + load.chat("warm-up", repeated, concurrency,
                        Duration.ofSeconds(warmup)));
            }
            List<LoadRun.Phase> phases = List.of(
                    load.chat("unique questions", texts, concurrency, d),
                    load.chat("common questions", repeated, concurrency, d),
                    load.ceiling(concurrency, d));
            phases.forEach(System.out::println);
            if (!load.failures().isEmpty()) {
                System.out.println("failed requests by status: " + load.failures());
            }
            double ratio = phases.get(0).throughput() / phases.get(2).throughput();
            double commonRatio = phases.get(1).throughput() / phases.get(2).throughput();
            System.out.printf(Locale.ROOT, "chat throughput is %.3f of the framework ceiling for unique questions, "
                    + "%.3f for repeated common ones (%d clients, %d s each, %d cores)%n", ratio, commonRatio,
                    concurrency, duration, Runtime.getRuntime().availableProcessors());
            if (report != null) {
                ObjectNode json = JsonMapper.builder().build().createObjectNode();
                json.put("concurrency", concurrency);
                json.put("duration_s", duration);
                json.put("warmup_s", warmup);
                phases.forEach(p -> json.set(p.name().replace(' ', '_').replaceAll("[()]", ""), p.toJson()));
                json.put("ratio_to_ceiling", Math.round(ratio * 1000) / 1000.0);
                json.put("common_ratio_to_ceiling", Math.round(commonRatio * 1000) / 1000.0);
                Files.createDirectories(report);
                Files.writeString(report.resolve("load.json"),
                        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            }
            return phases.stream().anyMatch(p -> p.errors() > 0) ? 1 : 0;
        }
    }

    @Command(name = "figures", description = "Rewrite the generated figures between markers in a Markdown file "
            + "from the reports of `eval.jar all`.")
    static final class Figures implements Callable<Integer> {
        @Option(names = "--reports", defaultValue = "target/eval")
        Path reports;

        @Option(names = "--into", defaultValue = "README.md")
        Path into;

        @Override
        public Integer call() throws Exception {
            int runs = FiguresSnippet.rewrite(reports, into);
            System.out.println("figures of " + runs + " run(s) of `eval.jar all` written into " + into);
            return 0;
        }
    }
}
