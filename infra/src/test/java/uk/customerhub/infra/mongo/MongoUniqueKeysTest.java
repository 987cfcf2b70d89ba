package uk.customerhub.infra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.customer.KeyNamespaces;
import uk.customerhub.identity.KeyedHash;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Where unique keys are claimed: contact ids with the commit that stores them, everything else in unique_keys. */
class MongoUniqueKeysTest {
    private static final KeyedHash HASH = new KeyedHash("a test secret of thirty-two bytes".getBytes(StandardCharsets.UTF_8));

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoDatabase database = client.getDatabase("keys");

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_contact_id_claimed_in_a_command_waits_for_the_commit_and_writes_nothing_here() {
        MongoUniqueKeys keys = new MongoUniqueKeys(database, HASH);

        String owner = inCommand(() -> keys.claim(KeyNamespaces.CONTACT, "call-1", "customer-1|fp"));

        assertThat(owner).isEqualTo("customer-1|fp");
        assertThat(database.getCollection(MongoUniqueKeys.COLLECTION).countDocuments()).isZero();
        // a contact moved to another record takes its id along: nothing here to hand over, and nothing refused
        assertThat(inCommand(() -> keys.transfer(KeyNamespaces.CONTACT, "call-1", "customer-1|fp", "customer-2|fp")))
                .isEqualTo("customer-2|fp");
    }

    @Test
    void other_keys_are_claimed_here_and_the_first_owner_wins() {
        MongoUniqueKeys keys = new MongoUniqueKeys(database, HASH);

        assertThat(inCommand(() -> keys.claim(KeyNamespaces.SERVICE_REQUEST, "sr-1", "customer-1|call-1")))
                .isEqualTo("customer-1|call-1");
        assertThat(inCommand(() -> keys.claim(KeyNamespaces.SERVICE_REQUEST, "sr-1", "customer-2|call-9")))
                .isEqualTo("customer-1|call-1");
        assertThat(keys.ownerOf(KeyNamespaces.SERVICE_REQUEST, "sr-1")).contains("customer-1|call-1");
    }

    @Test
    void a_database_whose_contact_ids_were_claimed_here_before_goes_on_claiming_them_here() {
        // given a contact id claimed here by an earlier version of the hub
        new MongoUniqueKeys(database, HASH).claim(KeyNamespaces.CONTACT, "old-call", "customer-1|fp");
        MongoUniqueKeys keys = new MongoUniqueKeys(database, HASH);

        // when another record claims the same id in a command, it is told who holds it
        assertThat(inCommand(() -> keys.claim(KeyNamespaces.CONTACT, "old-call", "customer-2|fp")))
                .isEqualTo("customer-1|fp");
        // and a new contact id is claimed here too
        assertThat(inCommand(() -> keys.claim(KeyNamespaces.CONTACT, "new-call", "customer-2|fp")))
                .isEqualTo("customer-2|fp");
        assertThat(database.getCollection(MongoUniqueKeys.COLLECTION).countDocuments(new Document())).isEqualTo(2);
    }

    private static <T> T inCommand(Supplier<T> work) {
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command"));
        try {
            return work.get();
        } finally {
            command.rollback();
        }
    }
}
