package org.civicassist.kb.search;

import org.civicassist.kb.load.KbProblem;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.load.LoadResult;
import org.civicassist.kb.rank.RankingModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the knowledge base being served and replaces it atomically: {@link #reload()} loads and indexes the source
 * again (in the caller's thread; the watcher calls it from its own), and only a complete, successful build is swapped
 * in. Answers keep flowing from the old snapshot meanwhile; a failed rebuild keeps the old snapshot and records why.
 */
public final class KnowledgeBaseService implements Supplier<KnowledgeSearch>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseService.class);

    /** The outcome of the last load attempt, for the admin API and readiness. */
    public record Status(Instant loadedAt, String contentKey, int guides, int faqs, int passages,
                         Duration buildTime, List<KbProblem> warnings, Optional<String> lastFailure,
                         Optional<Instant> lastFailureAt) {
        public Status {
            warnings = List.copyOf(warnings);
        }
    }

    private final KbSource source;
    private final LoadMode mode;
    private final KnowledgeSearchBuilder builder;
    private final Clock clock;
    private final AtomicReference<KnowledgeSearch> current = new AtomicReference<>();
    private final AtomicReference<Status> status = new AtomicReference<>();
    private final Object reloadLock = new Object();

    public KnowledgeBaseService(KbSource source, LoadMode mode, KnowledgeSearchBuilder builder, Clock clock) {
        this.source = source;
        this.mode = mode;
        this.builder = builder;
        this.clock = clock;
    }

    /** Loads and indexes the source for the first time; throws if that fails (nothing to serve). */
    public KnowledgeBaseService start() {
        ReloadOutcome outcome = reload();
        if (!outcome.succeeded()) {
            throw new IllegalStateException("knowledge base " + source.describe() + " could not be loaded: "
                    + outcome.message());
        }
        return this;
    }

    /** Result of a reload: whether a new snapshot is being served, and what happened. */
    public record ReloadOutcome(boolean succeeded, String message) {
    }

    public ReloadOutcome reload() {
        synchronized (reloadLock) {
            Instant began = clock.instant();
            try {
                LoadResult loaded = new KnowledgeBaseLoader().load(source, mode);
                loaded.warnings().forEach(w -> log.warn("knowledge base entry skipped: {}", w));
                RankingModels models = rankingModels();
                KnowledgeSearch fresh = builder.build(loaded.knowledgeBase(), models, source);
                KnowledgeSearch old = current.getAndSet(fresh);
                // the old snapshot's cached results could not be served by the new one (the key names the snapshot):
                // free their room; one an in-flight search of the old snapshot puts after this just ages out
                builder.answerCache().clear();
                Duration took = Duration.between(began, clock.instant());
                status.set(new Status(clock.instant(), fresh.contentKey(), loaded.knowledgeBase().guides().size(),
                        loaded.knowledgeBase().faqs().size(), fresh.passageCount(), took, loaded.warnings(),
                        Optional.empty(), Optional.empty()));
                if (old != null && old != fresh) {
                    // let answers in flight on the old snapshot finish before its index closes
                    closeLater(old);
                }
                log.info("knowledge base {} loaded: {} guides, {} FAQs, {} passages in {} ms", source.describe(),
                        loaded.knowledgeBase().guides().size(), loaded.knowledgeBase().faqs().size(),
                        fresh.passageCount(), took.toMillis());
                return new ReloadOutcome(true, "loaded " + fresh.passageCount() + " passages"
                        + (loaded.warnings().isEmpty() ? "" : ", " + loaded.warnings().size() + " entries skipped"));
            } catch (RuntimeException e) {
                // whatever failed (a bad file, Lucene, the model runtime), the old snapshot keeps serving
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.error("knowledge base reload failed, still serving the previous one: {}", why);
                Status previous = status.get();
                if (previous != null) {
                    status.set(new Status(previous.loadedAt(), previous.contentKey(), previous.guides(),
                            previous.faqs(), previous.passages(), previous.buildTime(), previous.warnings(),
                            Optional.of(why), Optional.of(clock.instant())));
                }
                return new ReloadOutcome(false, why);
            }
        }
    }

    /** A KB directory may carry its own fitted ranking model; otherwise the bundled one applies. */
    private RankingModels rankingModels() {
        Optional<Path> own = source.directory().map(d -> d.resolve(RankingModels.FILE_NAME)).filter(Files::exists);
        return own.map(RankingModels::load).orElseGet(RankingModels::bundled);
    }

    @Override
    public KnowledgeSearch get() {
        KnowledgeSearch search = current.get();
        if (search == null) {
            throw new IllegalStateException("knowledge base not loaded yet");
        }
        return search;
    }

    public boolean isReady() {
        return current.get() != null;
    }

    public Optional<Status> status() {
        return Optional.ofNullable(status.get());
    }

    public KbSource source() {
        return source;
    }

    private static void closeLater(KnowledgeSearch old) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            old.close();
        }, "kb-close-old-snapshot");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        KnowledgeSearch search = current.getAndSet(null);
        if (search != null) {
            search.close();
        }
    }
}
