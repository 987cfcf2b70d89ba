package uk.customerhub.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group committer on its own, with a store whose commits the test controls. */
class GroupCommitterTest {

    /** A store whose commit blocks until released, counting commits and syncs. */
    private static final class GatedStore implements GroupCommitter.Store {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger syncs = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile RuntimeException failure;

        @Override
        public void commit() {
            entered.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            commits.incrementAndGet();
        }

        @Override
        public void sync() {
            syncs.incrementAndGet();
        }
    }

    @Test
    @Timeout(10)
    void a_write_nobody_waits_for_starts_no_commit_and_the_next_commit_takes_it() throws Exception {
        GatedStore store = new GatedStore();
        try (GroupCommitter committer = new GroupCommitter("test-commit", store,
                new ReentrantReadWriteLock().writeLock(), true)) {
            long covered = committer.register(false);
            assertThat(store.entered.await(300, TimeUnit.MILLISECONDS)).as("a commit started by a covered write").isFalse();

            long waitedFor = committer.register();
            CompletableFuture<Void> durable = new CompletableFuture<>();
            committer.whenDurable(waitedFor, failure -> durable.complete(null));
            durable.get(5, TimeUnit.SECONDS);

            assertThat(committer.isDurable(covered)).isTrue();
            assertThat(store.commits.get()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(10)
    void writes_registered_while_a_commit_runs_share_the_next_commit() throws Exception {
        GatedStore store = new GatedStore();
        store.gate = new CountDownLatch(1);
        try (GroupCommitter committer = new GroupCommitter("test-commit", store,
                new ReentrantReadWriteLock().writeLock(), true)) {
            long first = committer.register();
            store.entered.await(5, TimeUnit.SECONDS);           // the first commit is running, held at the gate
            long[] later = new long[10];
            for (int i = 0; i < later.length; i++) {
                later[i] = committer.register();
            }
            assertThat(committer.isDurable(first)).isFalse();
            store.gate.countDown();
            committer.awaitDurable(later[later.length - 1]);
            assertThat(committer.isDurable(first)).isTrue();
            assertThat(store.commits.get()).isEqualTo(2);      // 11 writes, 2 commits
            assertThat(store.syncs.get()).isEqualTo(2);        // fsync after each commit, before release
            assertThat(committer.commits()).isEqualTo(2);
            assertThat(committer.writes()).isEqualTo(11);
        }
    }

    @Test
    @Timeout(10)
    void a_waiter_is_called_back_once_its_write_is_durable_and_not_before() throws Exception {
        GatedStore store = new GatedStore();
        store.gate = new CountDownLatch(1);
        try (GroupCommitter committer = new GroupCommitter("test-commit", store,
                new ReentrantReadWriteLock().writeLock(), false)) {
            long ticket = committer.register();
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            committer.whenDurable(ticket, called::complete);
            store.entered.await(5, TimeUnit.SECONDS);
            assertThat(called).isNotDone();
            store.gate.countDown();
            assertThat(called.get(5, TimeUnit.SECONDS)).isNull();
            assertThat(store.syncs.get()).isZero();             // fsync off
            AtomicReference<Throwable> immediate = new AtomicReference<>(new Throwable("not called"));
            committer.whenDurable(ticket, immediate::set);      // already durable: called at once
            assertThat(immediate.get()).isNull();
        }
    }

    @Test
    @Timeout(10)
    void a_commit_waits_for_commands_in_progress_and_stops_new_ones_while_it_runs() throws Exception {
        GatedStore store = new GatedStore();
        ReentrantReadWriteLock boundary = new ReentrantReadWriteLock();
        try (GroupCommitter committer = new GroupCommitter("test-commit", store, boundary.writeLock(), false)) {
            boundary.readLock().lock();                          // a command is half applied
            long ticket = committer.register();
            Thread.sleep(100);
            assertThat(store.commits.get()).as("no commit while a command holds the boundary").isZero();
            boundary.readLock().unlock();
            committer.awaitDurable(ticket);
            assertThat(store.commits.get()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(10)
    void after_a_failed_commit_nothing_is_acknowledged() throws Exception {
        GatedStore store = new GatedStore();
        store.failure = new IllegalStateException("disk full");
        try (GroupCommitter committer = new GroupCommitter("test-commit", store,
                new ReentrantReadWriteLock().writeLock(), true)) {
            long ticket = committer.register();
            CompletableFuture<Throwable> called = new CompletableFuture<>();
            committer.whenDurable(ticket, called::complete);
            assertThat(called.get(5, TimeUnit.SECONDS)).hasMessage("disk full");
            assertThat(committer.isDurable(ticket)).isFalse();
            assertThatThrownBy(() -> committer.awaitDurable(committer.register()))
                    .isInstanceOf(IllegalStateException.class).hasRootCauseMessage("disk full");
        }
    }

    @Test
    void reads_are_told_from_writes() {
        for (String read : List.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes", "hello",
                "isMaster", "ping", "buildInfo", "killCursors", "endSessions")) {
            assertThat(DurableH2Backend.isWrite(read, new Document())).as(read).isFalse();
        }
        for (String write : List.of("insert", "update", "delete", "findAndModify", "create", "createIndexes", "drop",
                "dropIndexes", "dropDatabase", "renameCollection", "someCommandNotKnownToRead")) {
            assertThat(DurableH2Backend.isWrite(write, new Document())).as(write).isTrue();
        }
        assertThat(DurableH2Backend.isWrite("aggregate",
                new Document("pipeline", List.of(new Document("$match", new Document()))))).isFalse();
        assertThat(DurableH2Backend.isWrite("aggregate", new Document("pipeline",
                List.of(new Document("$match", new Document()), new Document("$out", "copy"))))).isTrue();
        assertThat(DurableH2Backend.isWrite("aggregate",
                new Document("pipeline", List.of(new Document("$merge", new Document("into", "x")))))).isTrue();
    }

    @Test
    void fsync_is_on_unless_switched_off() {
        assertThat(FileBackendSettings.fromLookup(name -> null).fsync()).isTrue();
        assertThat(FileBackendSettings.fromLookup(Map.of(FileBackendSettings.FSYNC_ENV, "false")::get).fsync())
                .isFalse();
        assertThat(FileBackendSettings.fromLookup(Map.of(FileBackendSettings.FSYNC_PROPERTY, "off",
                FileBackendSettings.FSYNC_ENV, "true")::get).fsync()).as("the property wins").isFalse();
        assertThatThrownBy(() -> FileBackendSettings.fromLookup(Map.of(FileBackendSettings.FSYNC_ENV, "maybe")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
