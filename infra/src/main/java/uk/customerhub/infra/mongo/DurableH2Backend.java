package uk.customerhub.infra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

/**
 * mongo-java-server's H2 (MVStore) backend made durable: a write command is acknowledged only once it is committed
 * to the file.
 *
 * <h2>How</h2>
 * The MVStore is opened here with auto-commit off (no background commits, no commits triggered by unsaved memory)
 * and no retention of old versions, so only this class ever commits. mongo-java-server 1.47 handles each OP_MSG
 * request (every command a 3.6+ driver sends: the hub's driver 5.5 sends nothing else once connected) on the
 * connection's Netty event loop by calling {@link #handleMessage(MongoMessage)}, which resolves the command and calls
 * {@code handleCommand}; {@code MongoDatabaseHandler} then writes the returned reply with
 * {@code channel.writeAndFlush}. This class overrides {@code handleMessage}:
 * <ul>
 *   <li>a read (find, getMore, count, aggregate without {@code $out}/{@code $merge}, hello, …) is handled as before
 *   and never waits;</li>
 *   <li>a write (insert, update, delete, findAndModify, create, createIndexes, drop, dropIndexes, dropDatabase,
 *   renameCollection, aggregate with {@code $out}/{@code $merge}, and any command not known to be a read) runs under
 *   the shared side of a command-boundary lock, then registers with the {@link GroupCommitter} and has the
 *   connection's {@link DurableReplyGate} hold its reply until the group commit covering it is done. (Where the gate
 *   cannot be used, the command waits for the commit on the spot instead.)</li>
 *   <li>a write sent with {@code j: false} ({@link CoveredWrites}: one whose durability a later durable write of the
 *   same caller vouches for) is registered with the committer, so the next group commit takes it, but it neither
 *   starts a commit of its own nor has its reply held: commits take everything applied so far, so it is durable at
 *   the latest when the caller's next durable write is (a command's three writes make one commit, not three, and
 *   do not queue behind commits started by their own predecessors).</li>
 * </ul>
 * The committer commits under the exclusive side of that lock, so a commit never captures half a command (an index
 * entry without its document, say). Writers wait on that lock only while a commit hands its bytes to the OS, never
 * for the fsync. The file is kept small by not retaining old versions and by the {@link Compactor}.
 *
 * <p>Not covered: commands sent as legacy OP_QUERY (drivers for MongoDB before 3.6) are executed and acknowledged
 * without waiting (mongo-java-server calls {@code handleCommand} directly for them, a method whose signature names a
 * Netty type this module cannot compile against); the next group commit still picks them up.
 *
 * <p>See {@link FileBackendSettings} for what survives a process kill and what survives power loss.
 */
public final class DurableH2Backend extends H2Backend {
    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that only read; every other command is treated as a write. Compared lower-cased. */
    private static final Set<String> READ_COMMANDS = Set.of(
            "find", "getmore", "count", "distinct", "aggregate", "listcollections", "listindexes", "listdatabases",
            "hello", "ismaster", "ping", "buildinfo", "whatsmyuri", "serverstatus", "dbstats", "collstats",
            "killcursors", "endsessions", "startsession", "getparameter", "getlog", "hostinfo", "getcmdlineopts",
            "getfreemonitoringstatus", "connectionstatus", "currentop", "explain", "validate", "getlasterror",
            "saslstart", "saslcontinue", "authenticate", "logout", "features", "replsetgetstatus", "ismasterinternal");

    private final MVStore store;
    private final ReentrantReadWriteLock commandBoundary = new ReentrantReadWriteLock();
    private final GroupCommitter committer;
    private final Compactor compactor;
    private final FileBackendSettings settings;
    private final Path file;
    private final Optional<NettyBridge> netty;

    private DurableH2Backend(MVStore store, Path file, FileBackendSettings settings, Optional<NettyBridge> netty,
                             UnaryOperator<GroupCommitter.Store> commits) {
        super(store);
        this.store = store;
        this.netty = netty;
        this.file = file;
        this.settings = settings;
        this.committer = new GroupCommitter("mongo-group-commit", commits.apply(new CommitterStore()),
                commandBoundary.writeLock(), settings.fsync());
        this.compactor = new Compactor(store, settings, committer::commits);
    }

    /** Opens (or creates) the MVStore file at {@code file}. */
    public static DurableH2Backend open(Path file, FileBackendSettings settings) {
        return open(file, settings, UnaryOperator.identity());
    }

    /** Tests: opens the file with the group committer's store calls passed through {@code commits}. */
    static DurableH2Backend open(Path file, FileBackendSettings settings, UnaryOperator<GroupCommitter.Store> commits) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .compress()                // LZF: each commit writes whole pages; this halves the bytes (measured)
                .autoCommitDisabled()      // no background writer thread committing on its own schedule
                .autoCommitBufferSize(0)   // and no commit triggered from a writer thread by unsaved memory
                .open();
        try {
            store.setRetentionTime(0);     // reuse the space of chunks no longer referenced at once
            store.setVersionsToKeep(0);
            DurableH2Backend backend = new DurableH2Backend(store, file, settings, NettyBridge.load(), commits);
            backend.commitNow();           // maps opened while reading the file are durable before the first reply
            return backend;
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document query = message.getDocument();
        String command = query.isEmpty() ? "" : query.keySet().iterator().next();
        if (!isWrite(command, query)) {
            return super.handleMessage(message);
        }
        long ticket;
        boolean covered = CoveredWrites.isCovered(query);
        ReentrantReadWriteLock.ReadLock shared = commandBoundary.readLock();
        shared.lock();
        try {
            return super.handleMessage(message);
        } finally {
            // also after a failed command: part of it (an ordered insertMany, say) may have been applied
            ticket = committer.register(!covered);
            shared.unlock();
            if (!covered) {
                holdReplyUntilDurable(message, ticket);
            }
        }
    }

    private void holdReplyUntilDurable(MongoMessage message, long ticket) {
        if (netty.isPresent()) {
            NettyBridge bridge = netty.get();
            Object channel = bridge.channelOf(message);
            if (channel != null && bridge.inEventLoop(channel)) {
                bridge.gateOf(channel, () -> new DurableReplyGate(bridge, committer)).holdNextReply(ticket);
                return;
            }
        }
        waitUntilDurable(ticket);
    }

    private void waitUntilDurable(long ticket) {
        try {
            committer.awaitDurable(ticket);
        } catch (IllegalStateException e) {
            throw new MongoServerException("the write could not be made durable: " + e.getMessage(), e);
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return writesOutput(query.get("pipeline"));
        }
        return !READ_COMMANDS.contains(name);
    }

    private static boolean writesOutput(Object pipeline) {
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document document
                        && (document.containsKey("$out") || document.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Counters for tests and metrics: write commands acknowledged durably, group commits, fsyncs, compaction passes,
     * the file's size and fill rate, whether replies are held without blocking the event loop
     * ({@link DurableReplyGate}) or, if Netty could not be reached, by waiting on it, and the committer's time so far
     * waiting for writers to leave the command boundary, committing, and fsyncing.
     */
    public record Stats(long writeCommands, long commits, long syncs, long compactions, long fileSizeBytes,
                        int fillRatePercent, boolean nonBlockingReplies, long committerLockWaitMillis,
                        long committerCommitMillis, long committerSyncMillis) {
    }

    public Stats stats() {
        FileStore<?> fileStore = store.getFileStore();
        long size;
        int fillRate;
        try {
            size = Files.size(file);
            fillRate = fileStore == null ? 100 : fileStore.getFillRate();
        } catch (Exception e) {
            size = -1;
            fillRate = -1;
        }
        return new Stats(committer.writes(), committer.commits(), committer.syncs(), compactor.passes(), size,
                fillRate, netty.isPresent(), committer.lockWaitMillis(), committer.commitMillis(), committer.syncMillis());
    }

    public FileBackendSettings settings() {
        return settings;
    }

    private void commitNow() {
        commandBoundary.writeLock().lock();
        try {
            store.commit();
        } finally {
            commandBoundary.writeLock().unlock();
        }
        if (settings.fsync()) {
            store.sync();
        }
    }

    /**
     * Tests: stops as {@code kill -9} would, short of killing the JVM: nothing more is committed and the file is closed
     * without writing anything, so only what earlier commits wrote is in it. Replies still held are never sent.
     */
    void haltWithoutCommitting() {
        compactor.close();
        committer.halt();
        store.closeImmediately();
    }

    @Override
    public void close() {
        if (store.isClosed()) {
            return;                 // halted
        }
        compactor.close();
        committer.close();          // commits (and syncs) whatever was registered
        super.close();              // closes the databases, then the MVStore (a final commit and a clean mark)
        log.info("MongoDB: embedded store closed ({} write commands, {} commits, {} compaction passes)",
                committer.writes(), committer.commits(), compactor.passes());
    }

    /** The committer's view of the MVStore. */
    private final class CommitterStore implements GroupCommitter.Store {
        @Override
        public void commit() {
            store.commit();
        }

        @Override
        public void sync() {
            store.sync();
        }
    }
}
