package uk.customerhub.projections.unattributed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import uk.customerhub.api.TriageQueue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queues' collections in MongoDB; every read is an equality or {@code $in} lookup on {@code _id}:
 * <ul>
 *   <li>{@value #CONTACTS}: one document per unattributed contact, {@code _id} = contact id
 *       ({@link StoredUnattributedContact}), open or not;</li>
 *   <li>{@value #QUEUES}: one head document per organisation and queue, {@code _id} = {@code organisation|queue},
 *       holding {@code current}, the newest bucket's number, and {@code counts}, the number of open contacts in each
 *       bucket that holds any ({@code bucket number → count});</li>
 *   <li>{@value #BUCKETS}: {@code _id} = {@code organisation|queue|number}, {@code ids} = the open contact ids of
 *       that bucket, oldest first. A contact goes into the newest bucket unless it holds {@code bucketSize} already,
 *       then into the next; it is pulled out of its bucket when it leaves the queue.</li>
 * </ul>
 * Newest first is thus: buckets by number downwards, and each bucket's ids from the end.
 */
final class TriageQueueStore {
    static final String CONTACTS = "unattributed_contacts";
    static final String QUEUES = "triage_queues";
    static final String BUCKETS = "triage_queue_buckets";
    /** How many contact ids a bucket holds at most, unless told otherwise. */
    static final int DEFAULT_BUCKET_SIZE = 100;
    private static final String ID = "_id";
    private static final String IDS = "ids";
    private static final String CURRENT = "current";
    private static final String COUNTS = "counts";

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> queues;
    private final MongoCollection<Document> buckets;
    private final int bucketSize;

    TriageQueueStore(MongoDatabase database, int bucketSize) {
        if (bucketSize < 1) {
            throw new IllegalArgumentException("a bucket holds at least one contact");
        }
        this.contacts = database.getCollection(CONTACTS);
        this.queues = database.getCollection(QUEUES);
        this.buckets = database.getCollection(BUCKETS);
        this.bucketSize = bucketSize;
    }

    /** Empties the queues and contacts, before a replay rebuilds them. */
    void drop() {
        contacts.drop();
        queues.drop();
        buckets.drop();
    }

    Optional<StoredUnattributedContact> contact(String contactId) {
        return Optional.ofNullable(contacts.find(Filters.eq(ID, contactId)).first()).map(StoredUnattributedContact::new);
    }

    List<StoredUnattributedContact> contacts(Collection<String> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return contacts.find(Filters.in(ID, contactIds)).map(StoredUnattributedContact::new).into(new ArrayList<>());
    }

    void insert(StoredUnattributedContact contact) {
        contacts.insertOne(contact.document());
    }

    /**
     * Replaces a contact's document the caller read at {@code previousPosition}; false when it has disappeared. One
     * writer per contact is guaranteed by the processor's segment claim, so the filter is the {@code _id} alone (the
     * embedded server scans the whole collection for any other filter).
     */
    boolean replace(StoredUnattributedContact contact, long previousPosition) {
        return contacts.replaceOne(Filters.eq(ID, contact.contactId()), contact.document()).getMatchedCount() == 1;
    }

    void set(String contactId, String field, Object value) {
        contacts.updateOne(Filters.eq(ID, contactId), Updates.set(field, value));
    }

    /** The bucket a contact joining the queue now goes into: the newest, unless it is full. */
    long bucketForNext(String organisation, TriageQueue queue) {
        Document head = queues.find(Filters.eq(ID, headId(organisation, queue))).first();
        if (head == null) {
            return 0;
        }
        long current = head.get(CURRENT, Number.class).longValue();
        return countsOf(head).getOrDefault(current, 0L) < bucketSize ? current : current + 1;
    }

    /** Adds a contact to its bucket; safe to repeat. */
    void enqueue(String organisation, TriageQueue queue, long bucket, String contactId) {
        String bucketId = bucketId(organisation, queue, bucket);
        buckets.updateOne(Filters.eq(ID, bucketId), Updates.addToSet(IDS, contactId), new UpdateOptions().upsert(true));
        queues.updateOne(Filters.eq(ID, headId(organisation, queue)),
                Updates.combine(Updates.max(CURRENT, bucket), countUpdate(bucket, sizeOf(bucketId))),
                new UpdateOptions().upsert(true));
    }

    /** Takes a contact out of its bucket; safe to repeat. */
    void dequeue(String organisation, TriageQueue queue, long bucket, String contactId) {
        String bucketId = bucketId(organisation, queue, bucket);
        buckets.updateOne(Filters.eq(ID, bucketId), Updates.pull(IDS, contactId));
        queues.updateOne(Filters.eq(ID, headId(organisation, queue)), countUpdate(bucket, sizeOf(bucketId)));
    }

    /** The number of open contacts in each bucket that holds any, newest bucket first. */
    LinkedHashMap<Long, Long> counts(String organisation, TriageQueue queue) {
        Document head = queues.find(Filters.eq(ID, headId(organisation, queue))).first();
        LinkedHashMap<Long, Long> newestFirst = new LinkedHashMap<>();
        if (head != null) {
            countsOf(head).entrySet().stream()
                    .filter(entry -> entry.getValue() > 0)
                    .sorted(Map.Entry.<Long, Long>comparingByKey().reversed())
                    .forEach(entry -> newestFirst.put(entry.getKey(), entry.getValue()));
        }
        return newestFirst;
    }

    /** The contact ids of these buckets, newest first. */
    List<String> idsNewestFirst(String organisation, TriageQueue queue, Collection<Long> bucketNumbers) {
        if (bucketNumbers.isEmpty()) {
            return List.of();
        }
        List<String> bucketIds = bucketNumbers.stream().map(number -> bucketId(organisation, queue, number)).toList();
        Map<String, List<String>> idsByBucket = new LinkedHashMap<>();
        buckets.find(Filters.in(ID, bucketIds))
                .forEach(bucket -> idsByBucket.put(bucket.getString(ID), bucket.getList(IDS, String.class)));
        List<String> ids = new ArrayList<>();
        bucketNumbers.stream().sorted(Comparator.reverseOrder()).forEach(number -> {
            List<String> oldestFirst = idsByBucket.getOrDefault(bucketId(organisation, queue, number), List.of());
            for (int i = oldestFirst.size() - 1; i >= 0; i--) {
                ids.add(oldestFirst.get(i));
            }
        });
        return ids;
    }

    private int sizeOf(String bucketId) {
        Document bucket = buckets.find(Filters.eq(ID, bucketId)).first();
        return bucket == null ? 0 : bucket.getList(IDS, String.class, List.of()).size();
    }

    private static Bson countUpdate(long bucket, int size) {
        return size == 0 ? Updates.unset(COUNTS + "." + bucket) : Updates.set(COUNTS + "." + bucket, (long) size);
    }

    private static Map<Long, Long> countsOf(Document head) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        Document stored = head.get(COUNTS, Document.class);
        if (stored != null) {
            stored.forEach((bucket, count) -> counts.put(Long.parseLong(bucket), ((Number) count).longValue()));
        }
        return counts;
    }

    static String headId(String organisation, TriageQueue queue) {
        return organisation + "|" + queue.name();
    }

    static String bucketId(String organisation, TriageQueue queue, long bucket) {
        return headId(organisation, queue) + "|" + bucket;
    }
}
