package uk.customerhub.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writers share commits, and every write each of them got acknowledged is in the file even if the store
 * then stops without committing again (as after {@code kill -9}).
 */
class GroupCommitTest {
    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 250;

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eight_concurrent_writers_are_all_durable_with_far_fewer_commits_than_writes() throws Exception {
        Path file = dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME);
        DurableH2Backend backend = DurableH2Backend.open(file, FileBackendSettings.defaults());
        MongoServer server = new MongoServer(backend);
        Set<String> acknowledged = new HashSet<>();
        DurableH2Backend.Stats before;
        DurableH2Backend.Stats after;
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> collection = client.getDatabase("group").getCollection("writes");
            collection.insertOne(new Document("_id", "warm-up"));
            acknowledged.add("warm-up");
            before = backend.stats();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    List<String> ids = new ArrayList<>();
                    for (int n = 0; n < WRITES_EACH; n++) {
                        String id = "w" + writer + "-" + n;
                        if (n % 5 == 4) {   // some updates and deletes too
                            collection.updateOne(new Document("_id", ids.get(ids.size() - 1)),
                                    new Document("$set", new Document("updated", true)));
                        }
                        collection.insertOne(new Document("_id", id).append("writer", writer));
                        ids.add(id);
                    }
                    collection.deleteOne(new Document("_id", ids.remove(0)));
                    return ids;
                }));
            }
            start.countDown();
            for (Future<List<String>> writer : writers) {
                acknowledged.addAll(writer.get(50, TimeUnit.SECONDS));
            }
            pool.shutdown();
            after = backend.stats();
            backend.haltWithoutCommitting();   // no final commit: only what was committed before each reply is kept
        } finally {
            server.shutdownNow();
        }

        long writes = after.writeCommands() - before.writeCommands();
        long commits = after.commits() - before.commits();
        System.out.printf("group commit: %d write commands from %d threads in %d commits (%.2f commits per write)%n",
                writes, WRITERS, commits, commits / (double) writes);
        assertThat(writes).isEqualTo(WRITERS * (WRITES_EACH + WRITES_EACH / 5 + 1));
        assertThat(after.nonBlockingReplies()).as("replies held by the reply gate, not by blocking").isTrue();
        assertThat(commits).as("commits for %d concurrent writes", writes).isLessThan(writes * 3 / 4);

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.fileBacked(dataDirectory);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("group").getCollection("writes");
            Set<String> stored = new HashSet<>();
            long updated = 0;
            for (Document document : collection.find().projection(Projections.include("_id", "updated"))) {
                stored.add(document.getString("_id"));
                updated += Boolean.TRUE.equals(document.getBoolean("updated")) ? 1 : 0;
            }
            assertThat(stored).isEqualTo(acknowledged);   // the deletes are durable too
            assertThat(updated).isEqualTo(WRITERS * (WRITES_EACH / 5));
        }
    }
}
