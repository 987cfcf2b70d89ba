package uk.customerhub.infra.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import uk.customerhub.customer.KeyNamespaces;
import uk.customerhub.infra.eventstore.CommitClaims;
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
 * A claim made while a command is handled is written with {@link CoveredWrites#WRITE_CONCERN}: acknowledged without
 * waiting for the journal, since the command goes on to store its events durably, which vouches for the claim (see
 * {@link CoveredWrites} for why that is safe); should the command store none, the claim is written again, durably,
 * as the command commits. Claims made outside a command are durable before they return.
 * <p>
 * A contact's id is claimed by the commit that stores the contact ({@link CommitClaims}): no write of its own, and
 * nothing claimed unless the contact is stored. The claim answers {@code owner} at once; a clash (the id already
 * recorded on another record, or with another body) refuses the command when its events are stored, with the same
 * conflict a clash here would give. Only a database whose contact ids were claimed here by an earlier version of the
 * hub (found on the first contact claim) goes on claiming them here. Service request ids stay here: they are looked
 * up ({@link #ownerOf}) to find a request's record.
 */
public class MongoUniqueKeys implements UniqueKeys {
    static final String COLLECTION = "unique_keys";

    private final MongoCollection<Document> keys;
    /** The same collection, written without waiting for the journal (claims inside a command, see the class). */
    private final MongoCollection<Document> coveredKeys;
    private final KeyedHash keyedHash;
    /** Whether this database holds contact id claims made here (by an earlier version), looked up once. */
    private volatile Boolean contactIdsClaimedHere;

    public MongoUniqueKeys(MongoDatabase database, KeyedHash keyedHash) {
        this.keys = database.getCollection(COLLECTION);
        this.coveredKeys = keys.withWriteConcern(CoveredWrites.WRITE_CONCERN);
        this.keyedHash = keyedHash;
    }

    @Override
    public String claim(String namespace, String key, String owner) {
        String id = idOf(namespace, key);
        if (KeyNamespaces.CONTACT.equals(namespace) && CommitClaims.possible() && !contactIdsClaimedHere()) {
            CommitClaims.add(id);
            return owner;
        }
        Document claim = new Document("_id", id).append("owner", owner).append("claimedAt", Date.from(Instant.now()));
        try {
            if (CoveredWrites.inCommand()) {
                coveredKeys.insertOne(claim);
                // if the command stores no events after all, the claim is made durable on its own before it completes
                CoveredWrites.coverAtCommit(() -> keys.replaceOne(new Document("_id", id), claim));
            } else {
                keys.insertOne(claim);
            }
            return owner;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return ownerOf(id).orElseThrow(() -> new IllegalStateException("unique key " + id + " vanished after a clash"));
        }
    }

    private boolean contactIdsClaimedHere() {
        Boolean claimedHere = contactIdsClaimedHere;
        if (claimedHere == null) {
            claimedHere = keys.find(Filters.regex("_id", "^" + KeyNamespaces.CONTACT + "\\|")).first() != null;
            contactIdsClaimedHere = claimedHere;
        }
        return claimedHere;
    }

    @Override
    public Optional<String> ownerOf(String namespace, String key) {
        return ownerOf(idOf(namespace, key));
    }

    /**
     * Reads the owner, then writes the new one by {@code _id}: a key is handed over only by the record that takes the
     * contact in, one command at a time, so no second writer races this one.
     */
    @Override
    public String transfer(String namespace, String key, String fromOwner, String toOwner) {
        String id = idOf(namespace, key);
        Optional<String> owner = ownerOf(id);
        if (owner.isEmpty() && KeyNamespaces.CONTACT.equals(namespace)) {
            return toOwner; // claimed by its commit, which holds no owner: the id stays taken wherever the contact goes
        }
        if (owner.isEmpty() || !owner.get().equals(fromOwner)) {
            return owner.orElse(null);
        }
        keys.updateOne(new Document("_id", id), new Document("$set", new Document("owner", toOwner)
                .append("transferredAt", Date.from(Instant.now()))));
        return toOwner;
    }

    private Optional<String> ownerOf(String id) {
        Document found = keys.find(new Document("_id", id)).first();
        return Optional.ofNullable(found).map(document -> document.getString("owner"));
    }

    private String idOf(String namespace, String key) {
        return namespace + "|" + keyedHash.of(key);
    }
}
