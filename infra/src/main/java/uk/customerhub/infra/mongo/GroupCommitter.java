package uk.customerhub.infra.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;

/**
 * Group commit: makes the writes of many concurrent commands durable with one store commit.
 *
 * <p>A write command, once its changes are applied (and while it still holds the shared side of the command
 * boundary lock), {@linkplain #register() registers} and receives a ticket; tickets grow by one per write. A single
 * committer thread loops: it takes the exclusive side of the boundary lock (so no command is half applied), notes the
 * highest ticket registered so far, commits the store, releases the lock, optionally fsyncs, and then declares every
 * ticket up to the noted one durable. Writes registered while a commit runs wait for the next one, which starts at
 * once, so under load each commit covers all the writes that arrived during the previous one. A write registered
 * without starting a commit ({@link #register(boolean)}) waits, uncommitted, for the next commit another write starts
 * (or the final one at close).
 *
 * <p>Nobody waits on a read, and a waiter is told by callback ({@link #whenDurable}) or by blocking
 * ({@link #awaitDurable}). If a commit ever fails, every pending and future waiter is told of the failure instead and
 * nothing more is acknowledged.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** What the committer does to the store; every method is called from the committer thread only. */
    interface Store {
        /** Commit everything applied so far (called under the exclusive boundary lock). */
        void commit();

        /** Force committed bytes to the device (called outside the lock). */
        void sync();
    }

    /** A party waiting for a ticket; {@code failure} is null when the ticket became durable. */
    interface Waiter {
        void done(Throwable failure);
    }

    private record Pending(long ticket, Waiter waiter) {
    }

    private final Store store;
    private final Lock exclusive;
    private final boolean fsync;
    private final Thread thread;

    private final Object monitor = new Object();
    /** Highest ticket handed out (guarded by monitor). */
    private long registered;
    /** Highest ticket handed out to a write that starts a commit (guarded by monitor). */
    private long startingCommit;
    /** Highest ticket known durable. */
    private volatile long durable;
    private volatile Throwable failure;
    /** Guarded by monitor. */
    private List<Pending> waiters = new ArrayList<>();
    private boolean committerIdle;
    private boolean closing;
    private boolean halted;

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    /** Time spent by the committer waiting for the boundary lock, committing under it, and fsyncing (nanoseconds). */
    private final AtomicLong lockWaitNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong syncNanos = new AtomicLong();

    GroupCommitter(String name, Store store, Lock exclusive, boolean fsync) {
        this.store = store;
        this.exclusive = exclusive;
        this.fsync = fsync;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by a write command after its changes are applied; returns the ticket to wait for. */
    long register() {
        return register(true);
    }

    /**
     * Called by a write command after its changes are applied. {@code startCommit} false: a write nobody waits for
     * ({@link CoveredWrites}) does not start a commit of its own; the next commit, started by the next write that is
     * waited for, takes it (commits take everything applied so far), so a command makes one commit, not three.
     */
    long register(boolean startCommit) {
        synchronized (monitor) {
            long ticket = ++registered;
            if (startCommit) {
                startingCommit = ticket;
                if (committerIdle) {
                    monitor.notifyAll();
                }
            }
            return ticket;
        }
    }

    boolean isDurable(long ticket) {
        return ticket <= durable;
    }

    /** The failure that stopped the committer, or null. */
    Throwable failure() {
        return failure;
    }

    /** Calls {@code waiter} (on the committer thread, or at once on this one) when {@code ticket} is durable. */
    void whenDurable(long ticket, Waiter waiter) {
        Throwable failed;
        synchronized (monitor) {
            failed = failure;
            if (failed == null && ticket > durable) {
                waiters.add(new Pending(ticket, waiter));
                return;
            }
        }
        waiter.done(failed);
    }

    /** Blocks until {@code ticket} is durable; throws if the store failed. */
    void awaitDurable(long ticket) {
        synchronized (monitor) {
            boolean interrupted = false;
            while (ticket > durable && failure == null) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (ticket > durable) {
                throw new IllegalStateException("the embedded store failed to commit", failure);
            }
        }
    }

    long writes() {
        synchronized (monitor) {
            return registered;
        }
    }

    long commits() {
        return commits.get();
    }

    long syncs() {
        return syncs.get();
    }

    /** Milliseconds the committer spent waiting for the boundary lock, committing, and fsyncing, so far. */
    long lockWaitMillis() {
        return lockWaitNanos.get() / 1_000_000;
    }

    long commitMillis() {
        return commitNanos.get() / 1_000_000;
    }

    long syncMillis() {
        return syncNanos.get() / 1_000_000;
    }

    private void run() {
        try {
            while (true) {
                synchronized (monitor) {
                    while (startingCommit <= durable && !closing) {
                        committerIdle = true;
                        monitor.wait();
                    }
                    committerIdle = false;
                    if (registered == durable || halted) {
                        break;                          // closing, and nothing left to commit (or halted)
                    }
                }
                long target;
                long asked = System.nanoTime();
                exclusive.lock();
                long locked = System.nanoTime();
                try {
                    synchronized (monitor) {
                        target = registered;
                    }
                    store.commit();
                    commits.incrementAndGet();
                } finally {
                    exclusive.unlock();
                }
                long committed = System.nanoTime();
                lockWaitNanos.addAndGet(locked - asked);
                commitNanos.addAndGet(committed - locked);
                if (fsync) {
                    store.sync();
                    syncs.incrementAndGet();
                    syncNanos.addAndGet(System.nanoTime() - committed);
                }
                publish(target, null);
            }
        } catch (InterruptedException e) {
            fail(new IllegalStateException("the group committer was interrupted", e));
        } catch (Throwable t) {
            log.error("MongoDB: the embedded store failed to commit; no further write will be acknowledged", t);
            fail(t);
        }
    }

    private void fail(Throwable t) {
        publish(Long.MIN_VALUE, t);
    }

    private void publish(long target, Throwable failed) {
        List<Pending> ready = new ArrayList<>();
        synchronized (monitor) {
            if (failed != null) {
                failure = failed;
                ready = waiters;
                waiters = new ArrayList<>();
            } else {
                durable = target;
                List<Pending> still = new ArrayList<>();
                for (Pending pending : waiters) {
                    (pending.ticket() <= target ? ready : still).add(pending);
                }
                waiters = still;
            }
            monitor.notifyAll();
        }
        for (Pending pending : ready) {
            try {
                pending.waiter().done(failed);
            } catch (RuntimeException e) {
                log.warn("MongoDB: a durability waiter failed", e);
            }
        }
    }

    /** Tests: stops the committer thread as a crash would, committing nothing more. */
    void halt() {
        synchronized (monitor) {
            halted = true;
        }
        close();
    }

    /** Commits what is pending and stops the committer thread. */
    @Override
    public void close() {
        synchronized (monitor) {
            closing = true;
            monitor.notifyAll();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("MongoDB: the group committer did not stop within 30 s");
        }
    }
}
