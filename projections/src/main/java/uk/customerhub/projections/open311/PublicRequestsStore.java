package uk.customerhub.projections.open311;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import uk.customerhub.api.PublicRequestStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public requests index in MongoDB; every read and write is an equality or {@code $in} lookup on {@code _id}:
 * <ul>
 *   <li>{@value #REQUESTS}: one document per service request the public may see, {@code _id} = service request id
 *       ({@link PublicRequestDocument});</li>
 *   <li>{@value #UPDATES}: one document per status update of such a request, {@code _id} =
 *       {@code serviceRequestId|updateId};</li>
 *   <li>{@value #LOOKUPS}: lookup documents listing ids ({@code ids}), one per organisation and UTC day (the day the
 *       request was made, or the update), so every Open311 filter reads a day's bucket by {@code _id}: all requests
 *       of the day, those of one status, of one service, of one service and status; and the updates of the day.</li>
 * </ul>
 * A bucket holds one day's ids of one organisation, so it is bounded by a day's reports (at about 40 bytes an id,
 * a MongoDB document holds some 400,000). A request moves between status buckets when its status changes.
 */
final class PublicRequestsStore {
    static final String REQUESTS = "open311_requests";
    static final String UPDATES = "open311_updates";
    static final String LOOKUPS = "open311_lookups";
    static final List<String> COLLECTIONS = List.of(REQUESTS, UPDATES, LOOKUPS);
    private static final String ID = "_id";
    private static final String IDS = "ids";

    private final MongoCollection<Document> requests;
    private final MongoCollection<Document> updates;
    private final MongoCollection<Document> lookups;

    PublicRequestsStore(MongoDatabase database) {
        this.requests = database.getCollection(REQUESTS);
        this.updates = database.getCollection(UPDATES);
        this.lookups = database.getCollection(LOOKUPS);
    }

    void drop() {
        requests.drop();
        updates.drop();
        lookups.drop();
    }

    Optional<PublicRequestDocument> request(String serviceRequestId) {
        return Optional.ofNullable(requests.find(Filters.eq(ID, serviceRequestId)).first()).map(PublicRequestDocument::new);
    }

    List<PublicRequestDocument> requests(Collection<String> serviceRequestIds) {
        if (serviceRequestIds.isEmpty()) {
            return List.of();
        }
        return requests.find(Filters.in(ID, serviceRequestIds)).map(PublicRequestDocument::new).into(new ArrayList<>());
    }

    void insert(PublicRequestDocument request) {
        requests.insertOne(request.document());
    }

    void replace(PublicRequestDocument request) {
        requests.replaceOne(Filters.eq(ID, request.serviceRequestId()), request.document());
    }

    void markIndexed(String serviceRequestId) {
        requests.updateOne(Filters.eq(ID, serviceRequestId), Updates.set(PublicRequestDocument.INDEXED, true));
    }

    /**
     * Puts a request into the buckets of its day for its status, and takes it out of those of the other status; safe
     * to repeat ({@code $addToSet}, {@code $pull}).
     */
    void index(PublicRequestDocument request) {
        LocalDate day = dayOf(request.requestedAt());
        String organisation = request.organisation();
        String id = request.serviceRequestId();
        add(requestBucket(organisation, day, null, null), id);
        add(requestBucket(organisation, day, request.serviceCode(), null), id);
        for (PublicRequestStatus status : PublicRequestStatus.values()) {
            if (status == request.status()) {
                add(requestBucket(organisation, day, null, status), id);
                add(requestBucket(organisation, day, request.serviceCode(), status), id);
            } else {
                remove(requestBucket(organisation, day, null, status), id);
                remove(requestBucket(organisation, day, request.serviceCode(), status), id);
            }
        }
    }

    /** The ids each of these buckets lists (buckets that list none are left out). */
    Map<String, List<String>> idsByBucket(Collection<String> bucketIds) {
        Map<String, List<String>> ids = new HashMap<>();
        if (!bucketIds.isEmpty()) {
            lookups.find(Filters.in(ID, bucketIds))
                    .forEach(bucket -> ids.put(bucket.getString(ID), bucket.getList(IDS, String.class, List.of())));
        }
        return ids;
    }

    /** Records an update (once: a repeat changes nothing) and lists it in its day's bucket. */
    void addUpdate(String organisation, Document update, Instant updatedAt) {
        String id = update.getString(ID);
        if (updates.find(Filters.eq(ID, id)).first() == null) {
            updates.insertOne(update);
        }
        add(updateBucket(organisation, dayOf(updatedAt)), id);
    }

    List<Document> updates(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return updates.find(Filters.in(ID, ids)).into(new ArrayList<>());
    }

    private void add(String bucketId, String id) {
        lookups.updateOne(Filters.eq(ID, bucketId), Updates.addToSet(IDS, id), new UpdateOptions().upsert(true));
    }

    private void remove(String bucketId, String id) {
        lookups.updateOne(Filters.eq(ID, bucketId), Updates.pull(IDS, id));
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The bucket of the requests of one organisation and day, optionally of one service and/or status. */
    static String requestBucket(String organisation, LocalDate day, String serviceCode, PublicRequestStatus status) {
        return "requests|" + organisation + "|" + day
                + (serviceCode == null ? "" : "|service:" + serviceCode)
                + (status == null ? "" : "|status:" + status.wireName());
    }

    static String updateBucket(String organisation, LocalDate day) {
        return "updates|" + organisation + "|" + day;
    }
}
