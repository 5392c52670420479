package org.civicassist.nlp.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.TextUnderstander;
import org.civicassist.nlp.Understanding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the whole understanding pipeline (normalise, PII, segment, signals, abusive words, homophone
 * correction, aliases, aspect) on realistic citizen questions, one thread, warm; and of the word analyzer on
 * guide-like text (what indexing costs). Each invocation processes the whole batch, so characters per second =
 * operations per second × {@link #QUESTION_CHARS} (or {@link #PASSAGE_CHARS}); {@link #main} prints both.
 *
 * <p>Run: {@code mvn -q -B -pl nlp test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.civicassist.nlp.bench.UnderstandingBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class UnderstandingBenchmark {

    /** Written for the benchmark in the way citizens type: colloquial, typos, traditional, full width, PII. */
    static final List<String> QUESTIONS = List.of(
            "社保卡丢了咋补办 要带啥 能当天拿到不",
            "我社宝卡上周掉了 医院看病要用 急",
            "公积金租房提取要啥材料 一年能取几次",
            "公机金贷款最多能贷多少 利率多少",
            "住房公积金离职了能全部取出来吗",
            "gjj每个月扣多少是谁定的",
            "孩子明年上小学 报名要准备些什么 户口本要原件吗",
            "房产证丢了怎么补 要登报吗 多少钱",
            "驾照下个月到期 网上能换吗 要体检吗",
            "身份證過期了在哪裡換 要多久",
            "ＧＪＪ提取到账要几天？？",
            "低保申请条件是什么 我妈七十多了没收入",
            "港澳通行证续签 周末能办吗 在政务中心几楼",
            "个体户注销要去哪 网上能弄吗",
            "我身份证号110101199003077774 帮我查下社保交了几年",
            "电话13812345678 麻烦回个电话 医保报销的事",
            "医保异地就医备案怎么弄 手机上能办不",
            "生育津贴怎么算 能拿几天",
            "失业金领完了还能再领吗",
            "创业补帖申请要公司成立多久",
            "你好",
            "谢谢 没事了",
            "你这机器人答非所问 转人工",
            "窗口的人态度太差了 我要投诉",
            "养老保险断交了两年 补交要多少钱 能一次补齐吗",
            "外地户口能在这边办居住证吗 要住满多久",
            "结婚登记要带什么 两个人都要到场吗 周六上班吗",
            "残疾证到期了怎么换 要重新评吗",
            "个税汇算在哪里弄 退税多久到账",
            "新能源车上绿牌要什么手续 外地人能上吗");

    /** Guide-like passages: what the knowledge base indexes. */
    static final List<String> PASSAGES = List.of(
            "社会保障卡遗失、被盗的，需先挂失再补卡；卡片损坏、卡面信息变更、有效期届满的，办理换卡。补换卡后社会保障号码不变，原卡作废。",
            "申请住房公积金租房提取，需提供本人居民身份证、租赁合同及租金发票；在本市无自有住房的，每年可提取一次，提取额度不超过实际租金支出。",
            "办理地点：江州市政务服务中心一楼综合受理区（市民大道88号），周一至周五8:30-12:00、13:30-17:00，周六9:00-12:00；咨询电话12345。",
            "机动车驾驶证有效期满前九十日内，持证人应当申请换证；可通过交管12123 App在线申请，也可携带身份证明和体检证明到车管所办理。");

    static final int QUESTION_CHARS = QUESTIONS.stream().mapToInt(String::length).sum();
    static final int PASSAGE_CHARS = PASSAGES.stream().mapToInt(String::length).sum();

    private TextUnderstander understander;
    private Analyzer analyzer;

    @Setup
    public void setUp() {
        ChineseNlp nlp = ChineseNlp.bundled();
        understander = nlp.understander();
        analyzer = nlp.wordAnalyzer();
    }

    @Benchmark
    public void understandQuestions(Blackhole bh) {
        for (String q : QUESTIONS) {
            Understanding u = understander.understand(q);
            bh.consume(u);
        }
    }

    @Benchmark
    public void analyzePassages(Blackhole bh) throws IOException {
        for (String p : PASSAGES) {
            try (TokenStream ts = analyzer.tokenStream("body", p)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    bh.consume(term.length());
                }
                ts.end();
            }
        }
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(UnderstandingBenchmark.class.getName()).build()).run();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            double opsPerSecond = r.getPrimaryResult().getScore();
            int chars = method.endsWith("understandQuestions") ? QUESTION_CHARS : PASSAGE_CHARS;
            System.out.printf(Locale.ROOT, "%s: %.0f batches/s = %.2f M characters/s (%d characters a batch)%n",
                    method.substring(method.lastIndexOf('.') + 1), opsPerSecond, opsPerSecond * chars / 1e6, chars);
        }
    }
}
