package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import uk.customerhub.identity.KeyedHash;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Runs the projection and its queries against an in-memory MongoDB wire-protocol server reached through the real
 * driver; every test gets a database of its own.
 */
abstract class SingleViewTestBase {
    static final KeyedHash HASH = new KeyedHash("a test secret of thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    private static MongoServer server;
    private static MongoClient client;

    MongoDatabase database;
    CustomerViewProjection projection;
    CustomerViewQueries queries;
    EventFeed feed;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("single-view-" + UUID.randomUUID());
        projection = new CustomerViewProjection(database, HASH);
        queries = new CustomerViewQueries(database, HASH, awaitTimeout());
        feed = new EventFeed(projection);
    }

    /** Another database on the same server. */
    static MongoDatabase clientDatabase(String name) {
        return client.getDatabase(name);
    }

    /** How long queries wait for a position; tests of waiting shorten it. */
    Duration awaitTimeout() {
        return CustomerViewQueries.DEFAULT_AWAIT_TIMEOUT;
    }
}
