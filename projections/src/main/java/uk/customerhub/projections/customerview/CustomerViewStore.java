package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
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

    Optional<StoredCustomerView> view(String customerId) {
        return Optional.ofNullable(views.find(Filters.eq(ID, customerId)).first()).map(StoredCustomerView::new);
    }

    List<StoredCustomerView> views(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return views.find(Filters.in(ID, customerIds)).map(StoredCustomerView::new).into(new ArrayList<>());
    }

    void insert(StoredCustomerView view) {
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
        return views.replaceOne(Filters.eq(ID, view.customerId()), view.document()).getMatchedCount() == 1;
    }

    /** Writes an entry under its number, replacing what a delivery interrupted earlier may have left there. */
    void write(TimelineNumbering numbering, String customerId, TimelineEntry entry) {
        String id = TimelineNumbering.entryId(customerId, entry.number());
        database.getCollection(numbering.collection()).replaceOne(Filters.eq(ID, id),
                TimelineEntryDocuments.toDocument(entry).append(ID, id), new ReplaceOptions().upsert(true));
    }

    /** The entries numbered {@code first..last} of one numbering, in no particular order. */
    List<TimelineEntry> entries(TimelineNumbering numbering, String customerId, long first, long last) {
        List<String> ids = LongStream.rangeClosed(first, last)
                .mapToObj(number -> TimelineNumbering.entryId(customerId, number))
                .toList();
        return database.getCollection(numbering.collection()).find(Filters.in(ID, ids))
                .map(TimelineEntryDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    /** Records that the {@code number}th entry of a filtered numbering is the entry numbered {@code entryNumber}. */
    void writeFiltered(TimelineNumbering numbering, String customerId, String filter, long number, long entryNumber) {
        String id = TimelineFilters.id(customerId, numbering, filter, number);
        database.getCollection(TimelineFilters.COLLECTION).replaceOne(Filters.eq(ID, id),
                new Document(ID, id).append(TimelineFilters.ENTRY, entryNumber), new ReplaceOptions().upsert(true));
    }

    /** The entries numbered {@code first..last} in a filtered numbering, in no particular order. */
    List<TimelineEntry> filteredEntries(TimelineNumbering numbering, String customerId, String filter,
                                        long first, long last) {
        List<String> ids = LongStream.rangeClosed(first, last)
                .mapToObj(number -> TimelineFilters.id(customerId, numbering, filter, number))
                .toList();
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
        lookups.updateOne(Filters.eq(ID, key), Updates.addToSet(CUSTOMER_IDS, customerId), new UpdateOptions().upsert(true));
    }

    void removeFromLookup(String key, String customerId) {
        lookups.updateOne(Filters.eq(ID, key), Updates.pull(CUSTOMER_IDS, customerId));
    }

    /** The customers under each of these lookup keys (keys nobody holds are left out). */
    Map<String, List<String>> lookups(Collection<String> keys) {
        Map<String, List<String>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        lookups.find(Filters.in(ID, keys))
                .forEach(document -> found.put(document.getString(ID), document.getList(CUSTOMER_IDS, String.class)));
        return found;
    }

    List<String> lookup(String key) {
        Document found = lookups.find(Filters.eq(ID, key)).first();
        return found == null ? List.of() : found.getList(CUSTOMER_IDS, String.class);
    }
}
