package uk.customerhub.infra.eventstore.deadletter;

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
import org.bson.BsonValue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory MongoDB-wire server on a random loopback port, reached through the real driver, that records the
 * filter of every read, update and delete the client sends, so a test can check that each names its documents by
 * {@code _id}.
 */
final class RecordingMongo implements AutoCloseable {
    /** One filter sent to the server: the command, the collection, and the filter document. */
    record Filter(String command, String collection, BsonDocument filter) {
    }

    private final MongoServer server;
    private final MongoClient client;
    private final List<Filter> filters = new CopyOnWriteArrayList<>();
    private final List<String> otherCommands = new CopyOnWriteArrayList<>();

    RecordingMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // the command's buffer is reused after this call: copy what is kept
                record(event.getCommandName(), event.getCommand().clone());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(recorder)
                .build());
    }

    private void record(String name, BsonDocument command) {
        switch (name) {
            case "find" -> filters.add(new Filter(name, command.getString("find").getValue(),
                                                  command.getDocument("filter", new BsonDocument())));
            case "findAndModify" -> filters.add(new Filter(name, command.getString("findAndModify").getValue(),
                                                           command.getDocument("query", new BsonDocument())));
            case "update" -> {
                for (BsonValue update : command.getArray("updates")) {
                    filters.add(new Filter(name, command.getString("update").getValue(),
                                           update.asDocument().getDocument("q")));
                }
            }
            case "delete" -> {
                for (BsonValue delete : command.getArray("deletes")) {
                    filters.add(new Filter(name, command.getString("delete").getValue(),
                                           delete.asDocument().getDocument("q")));
                }
            }
            case "insert", "hello", "isMaster", "ismaster", "buildinfo", "buildInfo", "endSessions", "getMore",
                 "killCursors" -> {
            }
            default -> otherCommands.add(name);
        }
    }

    MongoDatabase database() {
        return client.getDatabase("dead-letter-test");
    }

    List<Filter> filters() {
        return List.copyOf(filters);
    }

    /** Commands other than find, findAndModify, update, delete, insert and the driver's housekeeping. */
    List<String> otherCommands() {
        return List.copyOf(otherCommands);
    }

    void forget() {
        filters.clear();
        otherCommands.clear();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
