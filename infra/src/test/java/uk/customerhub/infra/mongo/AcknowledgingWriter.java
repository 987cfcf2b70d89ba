package uk.customerhub.infra.mongo;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link KillNineDurabilityTest} (a main class, not a test): opens the file-backed embedded server
 * exactly as the default run does ({@link EmbeddedMongoServer#fileBacked(Path)}), then inserts documents through the
 * real driver from several threads, forever, printing {@code ACK <id>} on stdout after each insert the server
 * acknowledged. The test kills it with SIGKILL at some point.
 *
 * <p>Arguments: data directory, id prefix, number of writer threads.
 */
public final class AcknowledgingWriter {

    private AcknowledgingWriter() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path dataDirectory = Path.of(args[0]);
        String prefix = args[1];
        int threads = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

        String uri;
        if (Boolean.getBoolean("writer.nonDurableForComparison")) {   // manual check that the test can fail
            var server = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(
                    dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME).toString()));
            uri = server.bindAndGetConnectionString();
        } else {
            uri = EmbeddedMongoServer.fileBacked(dataDirectory).connectionString();
        }
        MongoClient client = MongoClients.create(uri);
        MongoCollection<Document> collection = client.getDatabase("crash").getCollection("acknowledged");
        out.println("READY");
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (long n = 0; ; n++) {
                    String id = prefix + "-" + thread + "-" + n;
                    collection.insertOne(new Document("_id", id).append("thread", thread).append("n", n)
                            .append("summary", "an acknowledged write that must survive kill -9 ".repeat(3)));
                    synchronized (out) {
                        out.println("ACK " + id);
                    }
                }
            }, "writer-" + t);
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }
}
