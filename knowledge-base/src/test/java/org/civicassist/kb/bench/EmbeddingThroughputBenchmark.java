package org.civicassist.kb.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.BgeSmallZhEmbedder.Weights;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.index.VectorViews;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.passage.Chunker;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageBuilder;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Texts per second of embedding, in one JVM, on the same texts of the bundled KB: LangChain4j's stock model one text
 * at a time (how index builds embedded before), this project's embedder one text at a time and its batched call
 * with one worker per core, with the float32 weights and with the int8 ones. The ways take turns, round after round, so that a neighbour's load on a shared machine
 * falls on all of them:
 * <pre>
 * scripts/bench.sh knowledge-base org.civicassist.kb.bench.EmbeddingThroughputBenchmark 300 3
 * # texts per round, rounds
 * </pre>
 */
public final class EmbeddingThroughputBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> all = new ArrayList<>();
        for (Passage p : new PassageBuilder(Chunker.defaults()).build(
                new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase())) {
            VectorViews.of(p).forEach(v -> all.add(v.text()));
        }
        Collections.shuffle(all, new Random(7));

        EmbeddingModel stock = new BgeSmallZhV15EmbeddingModel(Runnable::run);
        BgeSmallZhEmbedder single = new BgeSmallZhEmbedder(Weights.FLOAT32, 1);
        BgeSmallZhEmbedder parallel = new BgeSmallZhEmbedder(Weights.FLOAT32);
        BgeSmallZhEmbedder int8Single = new BgeSmallZhEmbedder(Weights.INT8, 1);
        BgeSmallZhEmbedder int8Parallel = new BgeSmallZhEmbedder(Weights.INT8);
        List<String> warm = all.subList(0, 20);
        warm.forEach(stock::embed);
        for (BgeSmallZhEmbedder e : List.of(single, parallel, int8Single, int8Parallel)) {
            e.embedAll(warm);
        }

        List<String> names = List.of("stock LangChain4j model (float32), one text at a time",
                "BgeSmallZhEmbedder float32, one text at a time",
                "BgeSmallZhEmbedder float32 embedAll, " + parallel.parallelism() + " workers",
                "BgeSmallZhEmbedder int8, one text at a time",
                "BgeSmallZhEmbedder int8 embedAll, " + int8Parallel.parallelism() + " workers");
        List<Function<List<String>, List<float[]>>> ways = List.of(
                texts -> texts.stream().map(t -> Embedder.normalize(stock.embed(t).content().vector())).toList(),
                texts -> texts.stream().map(single::embed).toList(),
                parallel::embedAll,
                texts -> texts.stream().map(int8Single::embed).toList(),
                int8Parallel::embedAll);
        double[] seconds = new double[ways.size()];
        int offset = 20;
        for (int r = 0; r < rounds; r++) {
            List<String> texts = all.subList(offset, Math.min(all.size(), offset + n));
            offset += n; // new texts every round: nothing is remembered anywhere
            for (int w = 0; w < ways.size(); w++) {
                long t0 = System.nanoTime();
                ways.get(w).apply(texts);
                double s = (System.nanoTime() - t0) / 1e9;
                seconds[w] += s;
                System.out.printf(Locale.ROOT, "round %d  %-60s %6.1f texts/s%n", r + 1, names.get(w), texts.size() / s);
            }
        }
        System.out.printf(Locale.ROOT, "%nin all, %d texts per way (average length %.0f characters):%n", n * rounds,
                all.stream().mapToInt(String::length).average().orElse(0));
        for (int w = 0; w < ways.size(); w++) {
            System.out.printf(Locale.ROOT, "  %-60s %6.1f texts/s%n", names.get(w), n * rounds / seconds[w]);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.2f at the end%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }
}
