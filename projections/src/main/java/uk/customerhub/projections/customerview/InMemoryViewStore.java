package uk.customerhub.projections.customerview;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import uk.customerhub.api.TimelineEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The single view's documents held in memory for the length of one question, never in the live collections: what
 * {@link ViewAsOf} folds a record's past events into. Each document goes through BSON on the way in and out, as it
 * would to and from MongoDB, so what is read back is exactly what the live store would have held. Lookups are not
 * kept: nothing is searched as of an instant.
 */
final class InMemoryViewStore extends CustomerViewStore {
    private static final Codec<Document> BSON = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final Map<String, Document> views = new HashMap<>();
    private final Map<String, Document> entries = new HashMap<>();

    @Override
    Optional<StoredCustomerView> view(String customerId) {
        return Optional.ofNullable(views.get(customerId)).map(InMemoryViewStore::copy).map(StoredCustomerView::new);
    }

    @Override
    List<StoredCustomerView> views(Collection<String> customerIds) {
        return customerIds.stream().distinct().map(this::view).flatMap(Optional::stream).toList();
    }

    @Override
    void insert(StoredCustomerView view) {
        if (views.putIfAbsent(view.customerId(), copy(view.document())) != null) {
            throw new IllegalStateException("the view of customer " + view.customerId() + " exists already");
        }
    }

    @Override
    boolean replace(StoredCustomerView view, long previousPosition) {
        return views.replace(view.customerId(), copy(view.document())) != null;
    }

    @Override
    void write(TimelineNumbering numbering, String customerId, TimelineEntry entry) {
        String id = TimelineNumbering.entryId(customerId, entry.number());
        entries.put(numbering.collection() + "/" + id, copy(TimelineEntryDocuments.toDocument(entry).append("_id", id)));
    }

    @Override
    List<TimelineEntry> entries(TimelineNumbering numbering, String customerId, long first, long last) {
        return LongStream.rangeClosed(first, last)
                .mapToObj(number -> entries.get(numbering.collection() + "/" + TimelineNumbering.entryId(customerId, number)))
                .filter(Objects::nonNull)
                .map(document -> TimelineEntryDocuments.fromDocument(copy(document)))
                .toList();
    }

    @Override
    void writeFiltered(TimelineNumbering numbering, String customerId, String filter, long number, long entryNumber) {
        String id = TimelineFilters.id(customerId, numbering, filter, number);
        entries.put(TimelineFilters.COLLECTION + "/" + id, new Document("_id", id).append(TimelineFilters.ENTRY, entryNumber));
    }

    @Override
    List<TimelineEntry> filteredEntries(TimelineNumbering numbering, String customerId, String filter,
                                        long first, long last) {
        List<TimelineEntry> found = new ArrayList<>();
        for (long number = first; number <= last; number++) {
            Document pointer = entries.get(TimelineFilters.COLLECTION + "/" + TimelineFilters.id(customerId, numbering, filter, number));
            if (pointer != null) {
                found.addAll(entries(numbering, customerId, pointer.getLong(TimelineFilters.ENTRY),
                        pointer.getLong(TimelineFilters.ENTRY)));
            }
        }
        return found;
    }

    @Override
    void addToLookup(String key, String customerId) {
        // nothing is searched as of an instant
    }

    @Override
    void removeFromLookup(String key, String customerId) {
        // nothing is searched as of an instant
    }

    @Override
    Map<String, List<String>> lookups(Collection<String> keys) {
        return Map.of();
    }

    @Override
    List<String> lookup(String key) {
        return List.of();
    }

    /** The document as MongoDB would give it back: encoded to BSON and decoded again. */
    private static Document copy(Document document) {
        return new RawBsonDocument(document, BSON).decode(BSON);
    }
}
