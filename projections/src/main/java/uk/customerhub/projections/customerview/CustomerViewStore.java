package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import uk.customerhub.api.TimelineEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The single view's collections in MongoDB. Every read is an equality or {@code $in} lookup on {@code _id}, so it
 * stays fast on a store whose only indexes are unique hash indexes (no ranges, sorts or skips):
 * <ul>
 *   <li>{@value #VIEWS}: one document per customer, {@code _id} = customer id ({@link StoredCustomerView});</li>
 *   <li>{@code timeline_entries} and {@code resident_timeline_entries}: one document per entry, {@code _id} =
 *       customer id {@code /} entry number ({@link TimelineNumbering});</li>
 *   <li>{@value TimelineFilters#COLLECTION}: the filtered numberings of the timeline, by channel and/or type
 *       ({@link TimelineFilters});</li>
 *   <li>{@value #LOOKUPS}: {@code _id} = {@link LookupKeys lookup key}, {@code customerIds} = the customers
 *       holding it.</li>
 * </ul>
 * Inside a batch of events handled by the "customer-view" processor ({@link CustomerViewBatches}), writes are held
 * back and written together at the end of the batch, one {@code bulkWrite} per collection and the views last
 * ({@link PendingViewWrites}); reads inside the batch see them. Every write of the projection must therefore go
 * through this class's write methods (or {@code pending()}), never straight to a collection.
 */
class CustomerViewStore {
    static final String VIEWS = "customer_views";
    static final String LOOKUPS = "customer_lookups";
    private static final String ID = "_id";
    private static final String CUSTOMER_IDS = "customerIds";

    private final MongoCollection<Document> views;
    private final MongoCollection<Document> lookups;
    private final MongoDatabase database;

    CustomerViewStore(MongoDatabase database) {
        this.database = database;
        this.views = database.getCollection(VIEWS);
        this.lookups = database.getCollection(LOOKUPS);
    }

    /** For a store kept elsewhere than in MongoDB ({@link InMemoryViewStore}), which overrides every method. */
    CustomerViewStore() {
        this.database = null;
        this.views = null;
        this.lookups = null;
    }

    /**
     * The pending writes of the batch of events being handled on this thread, or null outside such a batch (queries,
     * a single event, a dead letter retried): then every write goes straight to the database.
     */
    private static PendingViewWrites pending() {
        return CustomerViewBatches.pendingWrites();
    }

    Optional<StoredCustomerView> view(String customerId) {
        PendingViewWrites pending = pending();
        if (pending != null) {
            return pending.view(customerId).map(StoredCustomerView::new);
        }
        return Optional.ofNullable(views.find(Filters.eq(ID, customerId)).first()).map(StoredCustomerView::new);
    }

    List<StoredCustomerView> views(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        PendingViewWrites pending = pending();
        if (pending != null) {
            pending.prefetch(customerIds);
            return customerIds.stream().distinct().map(pending::view).flatMap(Optional::stream)
                    .map(StoredCustomerView::new).toList();
        }
        return views.find(Filters.in(ID, customerIds)).map(StoredCustomerView::new).into(new ArrayList<>());
    }

    void insert(StoredCustomerView view) {
        PendingViewWrites pending = pending();
        if (pending != null) {
            pending.insertView(view.document());
            return;
        }
        views.insertOne(view.document());
    }

    /**
     * Replaces a view the caller read at {@code previousPosition}. One writer per customer is guaranteed by the
     * processor's segment claim (a customer's events are handled in one segment, on one thread), so the filter is the
     * {@code _id} alone: the embedded server uses its {@code _id} index only for a query on exactly {@code _id}, and a
     * filter on {@code _id} and position scanned the whole collection (measured: 0.15 ms by {@code _id}, 18–21 ms with
     * the position, at 50,000 views).
     *
     * @return false when the view has disappeared meanwhile (nothing was written)
     */
    boolean replace(StoredCustomerView view, long previousPosition) {
        PendingViewWrites pending = pending();
        if (pending != null) {
            return pending.replaceView(view.document());
        }
        return views.replaceOne(Filters.eq(ID, view.customerId()), view.document()).getMatchedCount() == 1;
    }

    /** Writes an entry under its number, replacing what a delivery interrupted earlier may have left there. */
    void write(TimelineNumbering numbering, String customerId, TimelineEntry entry) {
        String id = TimelineNumbering.entryId(customerId, entry.number());
        upsert(numbering.collection(), id, TimelineEntryDocuments.toDocument(entry).append(ID, id));
    }

    /** Replaces (or inserts) one document by {@code _id}: in the batch's pending writes, else at once. */
    private void upsert(String collection, String id, Document document) {
        PendingViewWrites pending = pending();
        if (pending != null) {
            pending.add(collection, new ReplaceOneModel<>(Filters.eq(ID, id), document, new ReplaceOptions().upsert(true)));
            return;
        }
        database.getCollection(collection).replaceOne(Filters.eq(ID, id), document, new ReplaceOptions().upsert(true));
    }

    /** Updates one document by {@code _id}: in the batch's pending writes, else at once. */
    private void update(String collection, String id, Bson update, boolean upsert) {
        PendingViewWrites pending = pending();
        if (pending != null) {
            pending.add(collection, new UpdateOneModel<>(Filters.eq(ID, id), update, new UpdateOptions().upsert(upsert)));
            return;
        }
        database.getCollection(collection).updateOne(Filters.eq(ID, id), update, new UpdateOptions().upsert(upsert));
    }

    /** Before a read of {@code collection} inside a batch: writes the batch's pending writes to it, to read them. */
    private void beforeReading(String collection) {
        PendingViewWrites pending = pending();
        if (pending != null) {
            pending.flush(collection);
        }
    }

    /** The entries numbered {@code first..last} of one numbering, in no particular order. */
    List<TimelineEntry> entries(TimelineNumbering numbering, String customerId, long first, long last) {
        List<String> ids = LongStream.rangeClosed(first, last)
                .mapToObj(number -> TimelineNumbering.entryId(customerId, number))
                .toList();
        beforeReading(numbering.collection());
        return database.getCollection(numbering.collection()).find(Filters.in(ID, ids))
                .map(TimelineEntryDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    /** Records that the {@code number}th entry of a filtered numbering is the entry numbered {@code entryNumber}. */
    void writeFiltered(TimelineNumbering numbering, String customerId, String filter, long number, long entryNumber) {
        String id = TimelineFilters.id(customerId, numbering, filter, number);
        upsert(TimelineFilters.COLLECTION, id, new Document(ID, id).append(TimelineFilters.ENTRY, entryNumber));
    }

    /** The entries numbered {@code first..last} in a filtered numbering, in no particular order. */
    List<TimelineEntry> filteredEntries(TimelineNumbering numbering, String customerId, String filter,
                                        long first, long last) {
        List<String> ids = LongStream.rangeClosed(first, last)
                .mapToObj(number -> TimelineFilters.id(customerId, numbering, filter, number))
                .toList();
        beforeReading(TimelineFilters.COLLECTION);
        beforeReading(numbering.collection());
        List<String> entryIds = database.getCollection(TimelineFilters.COLLECTION).find(Filters.in(ID, ids))
                .map(found -> TimelineNumbering.entryId(customerId, found.getLong(TimelineFilters.ENTRY)))
                .into(new ArrayList<>());
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return database.getCollection(numbering.collection()).find(Filters.in(ID, entryIds))
                .map(TimelineEntryDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    void addToLookup(String key, String customerId) {
        update(LOOKUPS, key, Updates.addToSet(CUSTOMER_IDS, customerId), true);
    }

    void removeFromLookup(String key, String customerId) {
        update(LOOKUPS, key, Updates.pull(CUSTOMER_IDS, customerId), false);
    }

    /** The customers under each of these lookup keys (keys nobody holds are left out). */
    Map<String, List<String>> lookups(Collection<String> keys) {
        Map<String, List<String>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        beforeReading(LOOKUPS);
        lookups.find(Filters.in(ID, keys))
                .forEach(document -> found.put(document.getString(ID), document.getList(CUSTOMER_IDS, String.class)));
        return found;
    }

    List<String> lookup(String key) {
        beforeReading(LOOKUPS);
        Document found = lookups.find(Filters.eq(ID, key)).first();
        return found == null ? List.of() : found.getList(CUSTOMER_IDS, String.class);
    }
}
