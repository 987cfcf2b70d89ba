package uk.customerhub.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The in-process MongoDB wire-protocol server used when no {@code MONGODB_URI} is given. It listens on a loopback
 * port of its own, and the hub talks to it through the real MongoDB driver over TCP, exactly as to a real server.
 *
 * <p>The file-backed kind (the default run) is durable: a write is acknowledged only once it is committed to the file
 * (group commit shared by concurrent writers, optional fsync, compaction); see {@link DurableH2Backend} and
 * {@link FileBackendSettings}. The in-memory kind (tests) keeps nothing.
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /** The file the file-backed server keeps its data in, under the data directory. */
    public static final String FILE_NAME = "customer-hub.mv";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final DurableH2Backend durableBackend;

    private EmbeddedMongoServer(MongoBackend backend, String description) {
        this.durableBackend = backend instanceof DurableH2Backend durable ? durable : null;
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);   // on failure, MongoServer shuts down and closes the backend itself
        this.address = server.getLocalAddress();
        log.info("MongoDB: embedded server ({}) listening on {}", description, connectionString());
    }

    /**
     * A server whose data lives in one file under {@code dataDirectory} and survives a restart and a {@code kill -9};
     * fsync as set by {@code HUB_MONGO_FSYNC} (default on, see {@link FileBackendSettings}).
     */
    public static EmbeddedMongoServer fileBacked(Path dataDirectory) {
        return fileBacked(dataDirectory, FileBackendSettings.fromEnvironment());
    }

    /** A durable file-backed server with explicit settings. */
    public static EmbeddedMongoServer fileBacked(Path dataDirectory, FileBackendSettings settings) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        return new EmbeddedMongoServer(DurableH2Backend.open(file, settings),
                "file-backed, durable: committed before each write is acknowledged, group commit, fsync "
                        + (settings.fsync() ? "on" : "off") + ", " + file.toAbsolutePath());
    }

    /** A server that keeps everything in memory (tests). */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), "in memory");
    }

    /** Counters of the durable file backend (commits, writes, file size); empty for the in-memory server. */
    public Optional<DurableH2Backend.Stats> durabilityStats() {
        return Optional.ofNullable(durableBackend).map(DurableH2Backend::stats);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        log.info("MongoDB: embedded server stopped");
    }
}
