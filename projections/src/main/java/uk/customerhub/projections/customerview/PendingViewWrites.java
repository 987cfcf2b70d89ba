package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The single view's writes of one batch of events, held back and then written with one {@code bulkWrite} per
 * collection ({@link #flush()}), the views last. Within the batch the projection reads its own writes: a view from
 * here (a copy, so a handler that fails half-way leaves nothing of its change behind), any other collection after its
 * pending writes were written.
 * <p>
 * Why the views last: a view's counters decide the numbers of the entries, filters and lookups its events write, so as
 * long as a view is not stored, redelivering its events writes the same documents again (replace by {@code _id},
 * {@code $addToSet}, {@code $pull}). A batch interrupted anywhere in its flush is therefore repaired by its
 * redelivery, as a single event was before.
 * <p>
 * Not thread-safe: one batch is handled by one thread.
 */
final class PendingViewWrites {
    private static final String ID = "_id";

    private final MongoDatabase database;
    /** Writes to collections other than the views, per collection, in order. */
    private final Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
    /** The latest content of each view written in this batch; {@code upserts} those first stored in this batch. */
    private final Map<String, Document> views = new LinkedHashMap<>();
    private final Set<String> upserts = new HashSet<>();
    /** Views read from the database in this batch (empty: none stored), so each is read once. */
    private final Map<String, Optional<Document>> read = new HashMap<>();

    PendingViewWrites(MongoDatabase database) {
        this.database = database;
    }

    /** Reads the stored views of these customers in one round trip, ahead of the events that will need them. */
    void prefetch(Collection<String> customerIds) {
        List<String> unknown = customerIds.stream().distinct()
                .filter(id -> !views.containsKey(id) && !read.containsKey(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(id -> read.put(id, Optional.empty()));
        database.getCollection(CustomerViewStore.VIEWS).find(Filters.in(ID, unknown))
                .forEach(found -> read.put(found.getString(ID), Optional.of(found)));
    }

    /** A copy of the customer's view as this batch has left it so far, or empty when it has none. */
    Optional<Document> view(String customerId) {
        Document pending = views.get(customerId);
        if (pending != null) {
            return Optional.of(copy(pending));
        }
        Optional<Document> known = read.get(customerId);
        if (known == null) {
            known = Optional.ofNullable(database.getCollection(CustomerViewStore.VIEWS)
                    .find(Filters.eq(ID, customerId)).first());
            read.put(customerId, known);
        }
        return known.map(PendingViewWrites::copy);
    }

    /** Whether the customer's view is pending or known here; else the caller must read it from the database. */
    boolean knows(String customerId) {
        return views.containsKey(customerId) || read.containsKey(customerId);
    }

    void insertView(Document view) {
        String id = view.getString(ID);
        views.put(id, view);
        upserts.add(id);
    }

    /** @return false when the view is known not to exist (nothing is written) */
    boolean replaceView(Document view) {
        String id = view.getString(ID);
        if (!views.containsKey(id) && read.containsKey(id) && read.get(id).isEmpty()) {
            return false;
        }
        views.put(id, view);
        return true;
    }

    void add(String collection, WriteModel<Document> write) {
        writes.computeIfAbsent(collection, name -> new ArrayList<>()).add(write);
    }

    /** Writes what is pending for one collection (not the views), so a read of it sees this batch's writes. */
    void flush(String collection) {
        List<WriteModel<Document>> pending = writes.remove(collection);
        if (pending != null && !pending.isEmpty()) {
            database.getCollection(collection).bulkWrite(pending, new BulkWriteOptions().ordered(true));
        }
    }

    /** Writes everything pending: every other collection first, then the views. */
    void flush() {
        for (String collection : List.copyOf(writes.keySet())) {
            flush(collection);
        }
        if (!views.isEmpty()) {
            List<WriteModel<Document>> replaces = new ArrayList<>(views.size());
            views.forEach((id, view) -> replaces.add(new ReplaceOneModel<>(Filters.eq(ID, id), view,
                    new ReplaceOptions().upsert(upserts.contains(id)))));
            database.getCollection(CustomerViewStore.VIEWS).bulkWrite(replaces, new BulkWriteOptions().ordered(true));
            views.forEach((id, view) -> read.put(id, Optional.of(view)));
            views.clear();
            upserts.clear();
        }
    }

    boolean isEmpty() {
        return writes.isEmpty() && views.isEmpty();
    }

    /** A deep copy of a document (its nested documents and lists copied, their other values shared: immutable). */
    static Document copy(Document document) {
        Document copy = new Document();
        document.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Document nested) {
            return copy(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copyValue(element)));
            return copy;
        }
        return value;
    }
}
