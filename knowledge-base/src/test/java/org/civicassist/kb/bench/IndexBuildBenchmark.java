package org.civicassist.kb.bench;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.BgeSmallZhEmbedder.Weights;
import org.civicassist.kb.embed.CachingEmbedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.rank.RankingModels;
import org.civicassist.kb.search.KnowledgeSearch;
import org.civicassist.kb.search.KnowledgeSearchBuilder;
import org.civicassist.kb.search.SearchRequest;
import org.civicassist.nlp.ChineseNlp;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Build time, heap and restart time of the index for a KB directory (or the bundled demo KB, or a KB of N generated
 * FAQs), each in a fresh store: the first build embeds everything the KB does not ship vectors for, the second (a
 * restart with the KB unchanged) opens what is stored. Run it in its own JVM so the heap figure means something:
 * <pre>
 * scripts/bench.sh knowledge-base org.civicassist.kb.bench.IndexBuildBenchmark bundled
 * # or a KB directory instead of "bundled", or generated:10000
 * # a second argument "--no-shipped" ignores the vectors the KB ships (the first build as before they were shipped)
 * </pre>
 */
public final class IndexBuildBenchmark {

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "bundled";
        boolean shipped = !List.of(args).contains("--no-shipped");
        KnowledgeBase kb = load(which);
        Optional<KbSource> source = shipped ? source(which) : Optional.empty();
        Path store = Files.createTempDirectory(Path.of("target"), "build-bench-");
        ChineseNlp nlp = ChineseNlp.bundled();
        // -Dweights=float32 builds with the full-precision weights
        BgeSmallZhEmbedder model = new BgeSmallZhEmbedder(Weights.valueOf(System.getProperty("weights",
                BgeSmallZhEmbedder.DEFAULT_WEIGHTS.name()).toUpperCase(Locale.ROOT)),
                Integer.getInteger("workers", Runtime.getRuntime().availableProcessors()));
        model.embed("预热"); // model load is not index build time

        long t0 = System.nanoTime();
        KnowledgeSearchBuilder builder = new KnowledgeSearchBuilder(nlp, model, Optional.of(store));
        KnowledgeSearch first = source.isPresent()
                ? builder.build(kb, RankingModels.bundled(), source.get())
                : builder.build(kb, RankingModels.bundled());
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long embedded = ((CachingEmbedder) builder.passageEmbedder()).computedCount();
        long heap = usedHeapAfterGc(); // with the built snapshot live, as when serving
        first.close();

        long t1 = System.nanoTime();
        KnowledgeSearchBuilder again = new KnowledgeSearchBuilder(nlp, model, Optional.of(store));
        KnowledgeSearch reopened = again.build(kb, RankingModels.bundled());
        reopened.search(SearchRequest.of(kb.faqs().isEmpty() ? "办理" : kb.faqs().get(0).question()));
        double reopenSeconds = (System.nanoTime() - t1) / 1e9;

        System.out.printf(Locale.ROOT, "kb=%s guides=%d faqs=%d passages=%d shipped vectors %s, weights %s%n", which,
                kb.guides().size(), kb.faqs().size(), reopened.passageCount(), shipped ? "used" : "ignored",
                model.weights());
        // texts/s counts every text the build needed a vector for, embedded or shipped
        int texts = KnowledgeSearchBuilder.embeddedTexts(kb).size();
        System.out.printf(Locale.ROOT, "first build: %.1f s, %d texts, %d of them embedded (%.1f texts/s over the whole "
                + "build), heap after build %d MB%n", buildSeconds, texts, embedded, texts / buildSeconds,
                heap / (1 << 20));
        System.out.printf(Locale.ROOT, "restart with unchanged KB to first answer: %.1f s, %d texts embedded%n",
                reopenSeconds, ((CachingEmbedder) again.passageEmbedder()).computedCount());
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1 << 20));
        reopened.close();
        System.exit(0);
    }

    /** Where the KB's files (and any vectors it ships) come from; a generated KB has none. */
    private static Optional<KbSource> source(String which) {
        if (which.equals("bundled")) {
            return Optional.of(KbSource.bundled());
        }
        return which.startsWith("generated:") ? Optional.empty() : Optional.of(KbSource.directory(Path.of(which)));
    }

    private static KnowledgeBase load(String which) {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        if (which.equals("bundled")) {
            return loader.load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase();
        }
        if (which.startsWith("generated:")) {
            return generated(Integer.parseInt(which.substring("generated:".length())));
        }
        return loader.load(KbSource.directory(Path.of(which)), LoadMode.LENIENT).knowledgeBase();
    }

    /**
     * N FAQs made by combining the demo KB's questions and answers with distinct places and years, so that every text
     * is new to the embedding cache and of realistic length.
     */
    static KnowledgeBase generated(int n) {
        KnowledgeBase demo = new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase();
        List<Faq> seeds = demo.faqs();
        String[] places = {"东城区", "西城区", "临江县", "高新区", "北湖区", "南山镇", "青石乡", "开发区"};
        List<Faq> faqs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Faq seed = seeds.get(i % seeds.size());
            String place = places[(i / seeds.size()) % places.length];
            String year = String.valueOf(2000 + i % 27);
            faqs.add(new Faq("gen-" + i, seed.domain(), place + year + "年" + seed.question(),
                    seed.similar().stream().map(s -> place + s).toList(), seed.answer() + "（" + place + "）",
                    null));
        }
        return new KnowledgeBase(List.of(), faqs);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
