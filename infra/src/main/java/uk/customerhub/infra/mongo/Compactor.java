package uk.customerhub.infra.mongo;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Keeps the MVStore file small while it is committed after every group of writes.
 *
 * <p>Every commit writes a new chunk holding the pages it changed (and the store's own bookkeeping), leaving older
 * chunks partly dead; a chunk is freed only once nothing in it is live. Without help the file therefore grows with
 * the number of commits (GBs a minute in STACK.md's measurement), and commits slow down as the chunk list grows.
 * With old versions not retained (retention time 0), this rewrites the live pages of the sparsest chunks
 * ({@link MVStore#compact(int, int)}) whenever, after enough commits, their fill rate falls below the target; the next
 * group commit writes the rewritten pages and the emptied chunks' space is reused.
 *
 * <p>It runs on a thread of its own, concurrently with writers and the committer, as H2's own background
 * housekeeping does: rewriting a page changes nothing a reader can see, and no commit happens here, so it needs none
 * of the command-boundary exclusion. Its cost to writers is CPU and brief waits for the store lock.
 */
final class Compactor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Compactor.class);
    private static final long CHECK_PERIOD_MILLIS = 250;

    private final MVStore store;
    private final FileBackendSettings settings;
    private final LongSupplier commits;
    private final ScheduledExecutorService executor;
    private final AtomicLong passes = new AtomicLong();
    private long commitsAtLastPass;
    private long lastPassNanos = System.nanoTime();

    Compactor(MVStore store, FileBackendSettings settings, LongSupplier commits) {
        this.store = store;
        this.settings = settings;
        this.commits = commits;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-compactor");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, CHECK_PERIOD_MILLIS, CHECK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    long passes() {
        return passes.get();
    }

    private void check() {
        try {
            long now = System.nanoTime();
            long since = commits.getAsLong() - commitsAtLastPass;
            boolean due = since >= settings.compactionEveryCommits()
                    || since > 0 && now - lastPassNanos >= settings.compactionInterval().toNanos();
            if (!due || store.isClosed()) {
                return;
            }
            commitsAtLastPass += since;
            lastPassNanos = now;
            FileStore<?> fileStore = store.getFileStore();
            if (fileStore == null || fileStore.getChunksFillRate() >= settings.targetFillRate()) {
                return;
            }
            boolean rewritten = store.compact(settings.targetFillRate(), settings.compactionWriteBytes());
            if (rewritten) {
                passes.incrementAndGet();
            }
            if (log.isDebugEnabled()) {
                log.debug("MongoDB: compaction pass took {} ms, chunks fill rate now {}%, file fill rate {}%",
                        (System.nanoTime() - now) / 1_000_000, fileStore.getChunksFillRate(),
                        fileStore.getFillRate());
            }
        } catch (RuntimeException e) {
            if (!store.isClosed()) {
                log.warn("MongoDB: compaction of the embedded store failed; will try again", e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();   // never interrupt a pass: an interrupted FileChannel read closes the store's file
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("MongoDB: the compactor did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
