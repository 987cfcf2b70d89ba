package uk.customerhub.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.customerhub.identity.KeyedHash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the durable file backend a write sent with {@link CoveredWrites#WRITE_CONCERN} is acknowledged without waiting
 * for a commit, and is durable once a later write of the same caller has been acknowledged (commits keep the order in
 * which writes were applied), even if the store then stops without committing again (as after {@code kill -9}).
 */
class CoveredWritesTest {

    /** Lets a group commit complete only when the test lets it (one permit per commit; fsync is on by default). */
    private static final class HeldCommits implements GroupCommitter.Store {
        final GroupCommitter.Store store;
        final Semaphore permits = new Semaphore(0);
        final CountDownLatch waiting = new CountDownLatch(1);

        HeldCommits(GroupCommitter.Store store) {
            this.store = store;
        }

        @Override
        public void commit() {
            store.commit();
        }

        /** Outside the commit's lock (writers go on meanwhile), before the commit's writes are declared durable. */
        @Override
        public void sync() {
            waiting.countDown();
            try {
                if (!permits.tryAcquire(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the commit complete");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.sync();
        }
    }

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void a_covered_write_is_acknowledged_before_its_commit_and_made_durable_by_the_next_durable_write() throws Exception {
        // given a file backend whose commits are held back
        HeldCommits[] commits = new HeldCommits[1];
        DurableH2Backend backend = DurableH2Backend.open(dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME),
                FileBackendSettings.defaults(), store -> commits[0] = new HeldCommits(store));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> claims = client.getDatabase("covered").getCollection("claims");
            MongoCollection<Document> events = client.getDatabase("covered").getCollection("events");
            claims.withWriteConcern(CoveredWrites.WRITE_CONCERN).insertOne(new Document("_id", "setup"));
            commits[0].waiting.await(5, TimeUnit.SECONDS);

            // when a covered write is sent while no commit can complete
            claims.withWriteConcern(CoveredWrites.WRITE_CONCERN).insertOne(new Document("_id", "claim"));

            // then it was acknowledged; and a durable write sent after it is not, until a commit completes
            CompletableFuture<Void> durable = CompletableFuture.runAsync(() -> events.insertOne(new Document("_id", "commit")));
            Thread.sleep(300);
            assertThat(durable).as("a durable write acknowledged while commits are held").isNotDone();
            commits[0].permits.release(100);
            durable.get(10, TimeUnit.SECONDS);

            // and after a stop without any further commit, both writes are in the file
            backend.haltWithoutCommitting();
        } finally {
            server.shutdownNow();
        }
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.fileBacked(dataDirectory);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            Set<Object> stored = new HashSet<>();
            client.getDatabase("covered").getCollection("claims").find().forEach(d -> stored.add(d.get("_id")));
            client.getDatabase("covered").getCollection("events").find().forEach(d -> stored.add(d.get("_id")));
            assertThat(stored).containsExactlyInAnyOrder("setup", "claim", "commit");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void a_claim_made_by_a_command_that_stores_no_events_is_durable_before_the_command_completes() throws Exception {
        // given a file backend whose commits are held back, and unique keys on it
        HeldCommits[] commits = new HeldCommits[1];
        DurableH2Backend backend = DurableH2Backend.open(dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME),
                FileBackendSettings.defaults(), store -> commits[0] = new HeldCommits(store));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoUniqueKeys keys = new MongoUniqueKeys(client.getDatabase("covered"),
                    new KeyedHash("a test secret of thirty-two bytes".getBytes(StandardCharsets.UTF_8)));
            CountDownLatch claimed = new CountDownLatch(1);

            // when a command claims a key (acknowledged while no commit can complete) and then stores no events
            CompletableFuture<Void> completed = CompletableFuture.runAsync(() -> {
                DefaultUnitOfWork<CommandMessage<?>> command =
                        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("link an identity"));
                assertThat(keys.claim("test", "key", "customer-1")).isEqualTo("customer-1");
                claimed.countDown();
                command.commit();
            });
            assertThat(claimed.await(10, TimeUnit.SECONDS)).as("the claim was acknowledged").isTrue();

            // then the command does not complete until the claim is durable
            Thread.sleep(300);
            assertThat(completed).as("a command completed while its claim was not durable").isNotDone();
            commits[0].permits.release(100);
            completed.get(10, TimeUnit.SECONDS);
            backend.haltWithoutCommitting();
        } finally {
            server.shutdownNow();
        }
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.fileBacked(dataDirectory);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("covered").getCollection(MongoUniqueKeys.COLLECTION).countDocuments()).isEqualTo(1);
        }
    }
}
