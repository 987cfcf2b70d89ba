package uk.customerhub.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB wire-protocol server used when no {@code MONGODB_URI} is given. It listens on a loopback
 * port of its own, and the hub talks to it through the real MongoDB driver over TCP, exactly as to a real server.
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoBackend backend, String description) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        log.info("MongoDB: embedded server ({}) listening on {}", description, connectionString());
    }

    /** A server whose data lives in one file under {@code dataDirectory} and survives a restart. */
    public static EmbeddedMongoServer fileBacked(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        Path file = dataDirectory.resolve("customer-hub.mv");
        return new EmbeddedMongoServer(new H2Backend(file.toString()), "file-backed, " + file.toAbsolutePath());
    }

    /** A server that keeps everything in memory (tests). */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new MemoryBackend(), "in memory");
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
