package uk.customerhub.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * An in-memory MongoDB wire-protocol server for one test class, reached over TCP through the real driver (never a
 * mock): started before the class's tests, stopped after them. Each test takes a fresh database of its own.
 * <pre>{@code @RegisterExtension static final TestMongo mongo = new TestMongo();}</pre>
 */
public final class TestMongo implements BeforeAllCallback, AfterAllCallback {
    private MongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    /** A new, empty database named after {@code purpose}. */
    public MongoDatabase freshDatabase(String purpose) {
        return client.getDatabase(purpose + "-" + UUID.randomUUID());
    }
}
