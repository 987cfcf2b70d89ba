package uk.customerhub.infra.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Clock;
import java.time.Duration;

/** An in-memory MongoDB-wire server on a loopback port, reached through the real driver, with an event store on it. */
final class EmbeddedMongo implements AutoCloseable {
    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client;
    final MongoDatabase database;
    final Serializer serializer = JacksonSerializer.defaultSerializer();

    EmbeddedMongo() {
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("eventstore-test");
    }

    CommitStorageEngine engine(Clock clock, Duration gapWindow, int batchSize) {
        return engine(clock, gapWindow, batchSize, 1);
    }

    /** An engine that reserves up to {@code positionBlock} positions ahead (as a hub node does; 1: none). */
    CommitStorageEngine engine(Clock clock, Duration gapWindow, int batchSize, int positionBlock) {
        CommitStorageEngine engine = CommitStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .clock(clock)
                .gapWindow(gapWindow)
                .batchSize(batchSize)
                .positionBlock(positionBlock)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
