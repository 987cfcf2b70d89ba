package uk.customerhub.infra.eventstore.tokens;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.bson.BsonDocument;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory MongoDB-wire server on a random loopback port, reached through the real driver, which records every
 * command the client sends (copied, as the driver reuses its buffers).
 */
final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server;
    private final MongoClient client;
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

    EmbeddedMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(recorder)
                .build());
    }

    List<BsonDocument> commands() {
        return List.copyOf(commands);
    }

    void forgetCommands() {
        commands.clear();
    }

    MongoDatabase database() {
        return database("tokens-test");
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
