package org.civicassist.kb.search;

import org.civicassist.kb.load.KbProblem;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.rank.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseWatcherTest {

    static final Duration QUIET = Duration.ofMillis(300);
    /** Long enough for a debounced reload that is going to happen to have happened. */
    static final long NOTHING_HAPPENS_MS = 1500;

    @TempDir
    Path kbDir;
    @TempDir
    Path store;

    final BlockingQueue<KnowledgeBaseService.ReloadOutcome> outcomes = new LinkedBlockingQueue<>();
    KnowledgeBaseService service;
    KnowledgeBaseWatcher watcher;

    void start(LoadMode mode) {
        TinyKb.write(kbDir);
        service = new KnowledgeBaseService(KbSource.directory(kbDir), mode,
                new KnowledgeSearchBuilder(TestModels.NLP, TestModels.EMBEDDER, Optional.of(store)), Clock.systemUTC())
                .start();
        watcher = KnowledgeBaseWatcher.start(service, QUIET, outcomes::add);
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void should_serve_the_new_answer__after_a_faq_is_edited() throws Exception {
        start(LoadMode.LENIENT);
        String keyBefore = service.status().orElseThrow().contentKey();
        String newAnswer = "出生 30 日内可在江州办 App「出生一件事」在线办理户口登记，无需到派出所。";

        // when
        TinyKb.writeFaqs(kbDir, TinyKb.with("faq-hukou-newborn", f -> TinyKb.withAnswer(f, newAnswer)));

        // then
        assertThat(nextOutcome().succeeded()).isTrue();
        Candidate top = service.get().search(SearchRequest.of("新生儿怎么上户口")).top().orElseThrow();
        assertThat(top.passage().citationKey()).isEqualTo("faq-hukou-newborn");
        assertThat(top.passage().text()).isEqualTo(newAnswer);
        assertThat(service.status().orElseThrow().contentKey()).isNotEqualTo(keyBefore);
    }

    @Test
    void should_keep_the_old_index_and_say_where__when_an_edit_breaks_a_file() throws Exception {
        start(LoadMode.STRICT);
        KnowledgeSearch before = service.get();
        String answerBefore = answerTo("新生儿怎么上户口");
        List<String> lines = Files.readAllLines(kbDir.resolve("faq.jsonl"), StandardCharsets.UTF_8);
        lines.set(2, lines.get(2).replace("\"answer\":", "\"answer\" "));

        // when: line 3 is no longer JSON
        Files.write(kbDir.resolve("faq.jsonl"), lines, StandardCharsets.UTF_8);

        // then
        KnowledgeBaseService.ReloadOutcome outcome = nextOutcome();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(service.get()).isSameAs(before);
        assertThat(answerTo("新生儿怎么上户口")).isEqualTo(answerBefore);
        KnowledgeBaseService.Status status = service.status().orElseThrow();
        assertThat(status.lastFailure()).hasValueSatisfying(why -> assertThat(why).contains("faq.jsonl:3: broken JSON"));
        assertThat(status.lastFailureAt()).isPresent();

        // when the file is fixed, the failure is cleared
        TinyKb.writeFaqs(kbDir, TinyKb.FAQS);
        assertThat(nextOutcome().succeeded()).isTrue();
        assertThat(service.status().orElseThrow().lastFailure()).isEmpty();
        assertThat(service.get()).isNotSameAs(before);
    }

    @Test
    void should_skip_a_broken_guide_and_list_it_in_the_status__when_loading_leniently() throws Exception {
        start(LoadMode.LENIENT);

        Files.writeString(kbDir.resolve("guides/guide-passport.md"),
                TinyKb.PASSPORT_GUIDE.replace("title: 普通护照首次申领\n", ""), StandardCharsets.UTF_8);

        assertThat(nextOutcome().succeeded()).isTrue();
        List<KbProblem> warnings = service.status().orElseThrow().warnings();
        assertThat(warnings).contains(new KbProblem("guides/guide-passport.md", 1, "front matter lacks title"));
        // the FAQ citing that guide goes too, and says where it is
        assertThat(warnings).anySatisfy(w -> assertThat(w.toString()).startsWith("faq.jsonl:3: FAQ faq-passport-time"));
        assertThat(service.get().knowledgeBase().guide("guide-passport")).isEmpty();
        assertThat(service.get().knowledgeBase().faq("faq-hukou-newborn")).isPresent();
    }

    @Test
    void should_reload_once_for_a_burst_of_changes() throws Exception {
        start(LoadMode.LENIENT);

        for (int i = 0; i < 5; i++) {
            int n = i;
            TinyKb.writeFaqs(kbDir, TinyKb.with("faq-driver-renew", f -> TinyKb.withAnswer(f, "第 " + n + " 版答案。")));
            Files.writeString(kbDir.resolve("guides/guide-gjj-rent.md"), TinyKb.GJJ_GUIDE + "\n".repeat(n));
            Thread.sleep(30);
        }

        assertThat(nextOutcome().succeeded()).isTrue();
        assertThat(outcomes.poll(NOTHING_HAPPENS_MS, TimeUnit.MILLISECONDS)).isNull();
        assertThat(service.get().knowledgeBase().faq("faq-driver-renew").map(Faq::answer)).contains("第 4 版答案。");
    }

    @Test
    void should_ignore_files_that_are_not_part_of_the_kb() throws Exception {
        start(LoadMode.LENIENT);

        Files.writeString(kbDir.resolve("notes.txt"), "编辑备忘");
        Files.writeString(kbDir.resolve("guides/.guide-passport.md.swp"), "swap");
        Files.writeString(kbDir.resolve("faq.jsonl.bak"), "backup");

        assertThat(outcomes.poll(NOTHING_HAPPENS_MS, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void should_watch_directories_created_under_guides() throws Exception {
        start(LoadMode.LENIENT);

        Files.createDirectories(kbDir.resolve("guides/archive"));
        assertThat(nextOutcome().succeeded()).isTrue();
        Files.writeString(kbDir.resolve("guides/archive/old-guide.md"), TinyKb.PASSPORT_GUIDE);

        assertThat(nextOutcome().succeeded()).isTrue();
    }

    @Test
    void should_answer_every_search__while_the_kb_reloads() throws Exception {
        start(LoadMode.LENIENT);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> searchers = List.of("新生儿怎么上户口", "驾驶证到期了怎么换证").stream().map(question -> new Thread(() -> {
            while (running.get()) {
                try {
                    SearchResult result = service.get().search(SearchRequest.of(question));
                    if (result.top().isEmpty()) {
                        throw new AssertionError("no result for " + question);
                    }
                    searches.incrementAndGet();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        })).toList();
        searchers.forEach(Thread::start);

        try {
            // when: three edits, each rebuilt and swapped in while the searches run
            for (int i = 0; i < 3; i++) {
                int n = i;
                int before = searches.get();
                TinyKb.writeFaqs(kbDir, TinyKb.with("faq-hukou-newborn", f -> TinyKb.withAnswer(f, "答案第 " + n + " 版。")));
                assertThat(nextOutcome().succeeded()).isTrue();
                waitUntil(() -> searches.get() > before + 2);
            }
        } finally {
            running.set(false);
            for (Thread t : searchers) {
                t.join(10_000);
            }
        }

        // then
        assertThat(failures).isEmpty();
        assertThat(searches.get()).isGreaterThan(6);
        assertThat(answerTo("新生儿怎么上户口")).isEqualTo("答案第 2 版。");
    }

    @Test
    void should_stop_reloading__when_closed() throws Exception {
        start(LoadMode.LENIENT);

        watcher.close();
        TinyKb.writeFaqs(kbDir, TinyKb.with("faq-hukou-newborn", f -> TinyKb.withAnswer(f, "关闭后的修改。")));

        assertThat(outcomes.poll(NOTHING_HAPPENS_MS, TimeUnit.MILLISECONDS)).isNull();
        assertThat(answerTo("新生儿怎么上户口")).isNotEqualTo("关闭后的修改。");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("kb-watcher") && t.isAlive());
    }

    @Test
    void should_refuse_to_watch_a_kb_that_is_not_a_directory() {
        KnowledgeBaseService bundled = new KnowledgeBaseService(KbSource.bundled(), LoadMode.LENIENT,
                new KnowledgeSearchBuilder(TestModels.NLP, TestModels.EMBEDDER, Optional.empty()), Clock.systemUTC());

        assertThatThrownBy(() -> KnowledgeBaseWatcher.start(bundled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bundled kb/jiangzhou");
    }

    private KnowledgeBaseService.ReloadOutcome nextOutcome() throws InterruptedException {
        KnowledgeBaseService.ReloadOutcome outcome = outcomes.poll(60, TimeUnit.SECONDS);
        assertThat(outcome).as("a reload within 60 s").isNotNull();
        return outcome;
    }

    private String answerTo(String question) {
        return service.get().search(SearchRequest.of(question)).top().orElseThrow().passage().text();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
