package uk.customerhub.infra.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.identity.UniqueKeys;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Hub-wide unique keys in the {@code unique_keys} collection: one document per claimed key, its {@code _id} the
 * namespace and the keyed hash of the key, so the unique {@code _id} index decides the one winner of concurrent
 * claims, on the embedded server and on a real MongoDB alike.
 * <p>
 * Claims are written with {@link CoveredWrites#WRITE_CONCERN}: acknowledged without waiting for the journal, since
 * the command that claims goes on to store its events durably (see {@link CoveredWrites} for why that is safe).
 */
public class MongoUniqueKeys implements UniqueKeys {
    static final String COLLECTION = "unique_keys";

    private final MongoCollection<Document> keys;
    private final KeyedHash keyedHash;

    public MongoUniqueKeys(MongoDatabase database, KeyedHash keyedHash) {
        // a claim is made by a command that then stores its events, and that durable write vouches for the claim
        this.keys = database.getCollection(COLLECTION).withWriteConcern(CoveredWrites.WRITE_CONCERN);
        this.keyedHash = keyedHash;
    }

    @Override
    public String claim(String namespace, String key, String owner) {
        String id = idOf(namespace, key);
        try {
            keys.insertOne(new Document("_id", id).append("owner", owner).append("claimedAt", Date.from(Instant.now())));
            return owner;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return ownerOf(id).orElseThrow(() -> new IllegalStateException("unique key " + id + " vanished after a clash"));
        }
    }

    @Override
    public Optional<String> ownerOf(String namespace, String key) {
        return ownerOf(idOf(namespace, key));
    }

    private Optional<String> ownerOf(String id) {
        Document found = keys.find(new Document("_id", id)).first();
        return Optional.ofNullable(found).map(document -> document.getString("owner"));
    }

    private String idOf(String namespace, String key) {
        return namespace + "|" + keyedHash.of(key);
    }
}
