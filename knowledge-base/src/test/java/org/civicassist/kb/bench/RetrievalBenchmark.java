package org.civicassist.kb.bench;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.rank.RankingModels;
import org.civicassist.kb.search.AnswerCache;
import org.civicassist.kb.search.KnowledgeSearch;
import org.civicassist.kb.search.KnowledgeSearchBuilder;
import org.civicassist.kb.search.SearchRequest;
import org.civicassist.kb.search.SearchResult;
import org.civicassist.nlp.ChineseNlp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one search on the bundled demo KB — query embedding, BM25 and HNSW retrieval, re-ranking and
 * calibration — over realistic citizen questions, on one thread. Sample mode reports p50 / p99. With
 * {@code answerCache=on} the questions repeat, so after the first round every search is an answer-cache hit.
 *
 * <pre>
 * scripts/bench.sh knowledge-base org.openjdk.jmh.Main RetrievalBenchmark
 * scripts/bench.sh knowledge-base org.openjdk.jmh.Main RetrievalBenchmark -p answerCache=off
 * </pre>
 * The index is stored under target/bench-store, so only the first run embeds the KB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class RetrievalBenchmark {

    /** Written like citizens type, none taken from the evaluation files. */
    static final List<String> QUESTIONS = List.of(
            "社保卡丢了咋补办", "公积金租房提取要啥材料", "身份证过期了去哪换", "新生儿怎么上户口",
            "结婚登记要带什么", "驾照到期换证要体检吗", "护照多久能办好", "二手房过户要交哪些税",
            "失业金一个月能领多少", "低保怎么申请", "小孩上小学怎么报名", "个体户营业执照怎么办",
            "异地就医备案在手机上能弄吗", "残疾证丢了怎么补", "个税年度汇算什么时候开始");

    @Param({"off", "on"})
    public String answerCache;

    private KnowledgeSearch search;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        var kb = new KnowledgeBaseLoader().load(KbSource.bundled(), LoadMode.STRICT).knowledgeBase();
        search = new KnowledgeSearchBuilder(ChineseNlp.bundled(), new BgeSmallZhEmbedder(),
                Optional.of(Path.of("target", "bench-store")),
                answerCache.equals("on") ? AnswerCache.ofSize(AnswerCache.DEFAULT_SIZE) : AnswerCache.disabled())
                .build(kb, RankingModels.bundled());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        search.close();
    }

    @Benchmark
    public SearchResult search() {
        String q = QUESTIONS.get(next++ % QUESTIONS.size());
        return search.search(SearchRequest.of(q));
    }
}
