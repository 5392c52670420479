package org.civicassist.kb.search;

import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.rank.RankingModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reloads a knowledge base when its directory changes: maintainers edit {@code faq.jsonl} or a guide, save, and the
 * assistant answers from the new content a moment later, without a restart.
 *
 * <p>Watches the KB directory and, recursively, {@code guides/}. A burst of changes (an editor saving several files,
 * a {@code git pull}, an import rewriting {@code faq.jsonl}) triggers one reload once the directory has been quiet for
 * the quiet period, or at the latest after {@code maxDelay} of continuous changes. The reload runs on a background
 * thread through {@link KnowledgeBaseService#reload()}: answers keep coming from the old snapshot while it builds, and
 * a failed build keeps the old snapshot and shows why in {@link KnowledgeBaseService#status()}. Only files the KB is
 * made of count; editor swap files and the like do not.
 *
 * <p>On Linux the JDK watches through inotify; elsewhere it may poll every few seconds.
 */
public final class KnowledgeBaseWatcher implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseWatcher.class);

    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(1);
    /** How long a reload may wait for a close to finish before the watcher gives up waiting. */
    private static final Duration CLOSE_WAIT = Duration.ofMinutes(2);

    private final KnowledgeBaseService service;
    private final Path root;
    private final Path guides;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final Consumer<KnowledgeBaseService.ReloadOutcome> listener;
    private final WatchService watchService;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private final ExecutorService reloads;
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final Thread watcherThread;
    private volatile boolean closed;

    private KnowledgeBaseWatcher(KnowledgeBaseService service, Path root, Duration quietPeriod, Duration maxDelay,
                                 Consumer<KnowledgeBaseService.ReloadOutcome> listener) throws IOException {
        this.service = service;
        this.root = root;
        this.guides = root.resolve(KbSource.GUIDES_DIR);
        this.quietNanos = quietPeriod.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        this.listener = listener;
        this.watchService = root.getFileSystem().newWatchService();
        register(root);
        registerTree(guides);
        this.reloads = Executors.newSingleThreadExecutor(daemon("kb-reload"));
        this.watcherThread = daemon("kb-watcher").newThread(this::watch);
        this.watcherThread.start();
    }

    /** Watches the service's KB directory with the default quiet period. */
    public static KnowledgeBaseWatcher start(KnowledgeBaseService service) {
        return start(service, DEFAULT_QUIET_PERIOD, outcome -> { });
    }

    /**
     * @param quietPeriod how long the directory must be unchanged before a reload starts
     * @param listener    told the outcome of every reload the watcher runs (on the reload thread)
     * @throws IllegalArgumentException when the service's KB is not a directory (the bundled KB cannot change)
     */
    public static KnowledgeBaseWatcher start(KnowledgeBaseService service, Duration quietPeriod,
                                             Consumer<KnowledgeBaseService.ReloadOutcome> listener) {
        Objects.requireNonNull(listener, "listener");
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("quiet period must be positive");
        }
        Path dir = service.source().directory().orElseThrow(() -> new IllegalArgumentException(
                "only a knowledge base in a directory can be watched, not " + service.source().describe()));
        try {
            return new KnowledgeBaseWatcher(service, dir, quietPeriod,
                    quietPeriod.multipliedBy(10).compareTo(Duration.ofSeconds(30)) > 0
                            ? quietPeriod.multipliedBy(10) : Duration.ofSeconds(30),
                    listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch knowledge base directory " + dir, e);
        }
    }

    private void watch() {
        long firstChange = 0;
        long lastChange = 0;
        boolean pending = false;
        try {
            while (!closed) {
                WatchKey key;
                if (pending) {
                    long now = System.nanoTime();
                    long due = Math.min(lastChange + quietNanos, firstChange + maxDelayNanos);
                    key = due <= now ? null : watchService.poll(due - now, TimeUnit.NANOSECONDS);
                    if (key == null) {
                        pending = false;
                        scheduleReload();
                        continue;
                    }
                } else {
                    key = watchService.take();
                }
                if (handle(key)) {
                    lastChange = System.nanoTime();
                    if (!pending) {
                        pending = true;
                        firstChange = lastChange;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("knowledge base watcher for {} stopped: {}", root, e.toString());
        }
    }

    /** Drains one key's events; true if any of them concerns a file of the knowledge base. */
    private boolean handle(WatchKey key) {
        Path dir = watched.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                registerTree(guides); // events were lost: a new directory may be among them
                relevant = true;
                continue;
            }
            if (dir == null) {
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && changed.startsWith(guides)
                    && Files.isDirectory(changed)) {
                registerTree(changed);
            }
            relevant |= isKnowledgeBaseFile(changed);
        }
        if (!key.reset()) {
            watched.remove(key); // the directory is gone
        }
        return relevant;
    }

    private boolean isKnowledgeBaseFile(Path changed) {
        if (changed.startsWith(guides)) {
            // a guide, or a directory holding guides (created, deleted, renamed)
            return changed.equals(guides) || changed.getFileName().toString().endsWith(".md")
                    || Files.isDirectory(changed) || !changed.getFileName().toString().contains(".");
        }
        String name = root.relativize(changed).toString();
        return name.equals(KbSource.FAQ_FILE) || name.equals(RankingModels.FILE_NAME);
    }

    private void scheduleReload() {
        if (!reloadQueued.compareAndSet(false, true)) {
            return; // one is waiting to run and will read the latest files
        }
        try {
            reloads.execute(() -> {
                reloadQueued.set(false);
                if (closed) {
                    return;
                }
                try {
                    KnowledgeBaseService.ReloadOutcome outcome = service.reload();
                    log.info("knowledge base {} changed; reload {}: {}", root,
                            outcome.succeeded() ? "succeeded" : "failed, previous version still served",
                            outcome.message());
                    listener.accept(outcome);
                } catch (RuntimeException e) {
                    log.error("knowledge base reload after a change in {} failed: {}", root, e.toString());
                    listener.accept(new KnowledgeBaseService.ReloadOutcome(false, e.toString()));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reloadQueued.set(false); // closed meanwhile
        }
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        watched.put(key, dir);
    }

    private void registerTree(Path top) {
        if (!Files.isDirectory(top)) {
            return;
        }
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    // registering again is harmless, and needed when a directory was deleted and re-created
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("cannot watch {} for changes: {}", top, e.toString());
        }
    }

    /** Stops watching; waits for a reload in progress to finish (a half-built index is never left in use). */
    @Override
    public void close() {
        closed = true;
        try {
            watchService.close();
        } catch (IOException e) {
            log.warn("cannot close the watch service of {}: {}", root, e.toString());
        }
        reloads.shutdown();
        try {
            watcherThread.join(TimeUnit.SECONDS.toMillis(5));
            if (!reloads.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("a knowledge base reload of {} is still running after {}", root, CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
