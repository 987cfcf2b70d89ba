package uk.customerhub.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Committing after every group of writes does not let the file grow without bound.
 *
 * <p>20,000 write commands (10,000 inserts of small event-like documents, then an update of each), 8 writers,
 * about 5,500 group commits; the live documents are about 3.2 MB as JSON. Measured on the development machine
 * (2 cores, busy): with retention 0 and the {@link Compactor} the file ends at 3.7–5.8 MB; the same run with
 * compaction switched off ends at 27 MB (and STACK.md measured GBs a minute with old versions retained as well).
 * The bound, 16 MB, is about three times the worst measured, for a slower machine on which compaction passes lag,
 * and still fails if compaction stops working.
 */
class FileSizeTest {
    private static final long BOUND_BYTES = 16L * 1024 * 1024;
    private static final int DOCUMENTS = 10_000;
    private static final int WRITERS = 8;

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twenty_thousand_inserts_and_updates_keep_the_file_small() throws Exception {
        FileBackendSettings settings = FileBackendSettings.defaults().withFsync(false);   // size does not depend on it
        long liveBytes = 0;
        DurableH2Backend.Stats stats;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.fileBacked(dataDirectory, settings);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("size").getCollection("events");
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int n = writer; n < DOCUMENTS; n += WRITERS) {
                        collection.insertOne(event(n));
                    }
                    for (int n = writer; n < DOCUMENTS; n += WRITERS) {
                        collection.updateOne(new Document("_id", "event-" + n), new Document("$set",
                                new Document("payload.summary", "updated summary of contact " + n).append("version", 2)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(100, TimeUnit.SECONDS);
            }
            pool.shutdown();
            for (Document document : collection.find()) {
                liveBytes += document.toBsonDocument().toString().length();
            }
            stats = server.durabilityStats().orElseThrow();
        }
        long fileBytes = Files.size(dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME));
        System.out.printf("file size: %.1f MB after %d write commands, %d commits, %d compaction passes "
                        + "(live documents about %.1f MB as JSON)%n",
                fileBytes / 1e6, stats.writeCommands(), stats.commits(), stats.compactions(), liveBytes / 1e6);
        assertThat(stats.writeCommands()).isEqualTo(2L * DOCUMENTS);
        assertThat(fileBytes).isLessThan(BOUND_BYTES);
    }

    private static Document event(int n) {
        return new Document("_id", "event-" + n)
                .append("aggregateId", "customer-" + (n % 500))
                .append("sequence", n / 500)
                .append("type", "ContactRecorded")
                .append("timestamp", "2026-11-23T10:15:30." + (n % 1000) + "Z")
                .append("payload", new Document("contactId", "contact-" + n).append("channel", "PHONE")
                        .append("summary", "Asked when the missed bin at number " + n + " will be collected"))
                .append("metadata", new Document("actor", "sam").append("correlationId", "corr-" + n));
    }
}
