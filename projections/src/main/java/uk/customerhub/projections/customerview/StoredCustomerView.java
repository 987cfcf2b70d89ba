package uk.customerhub.projections.customerview;

import org.bson.Document;
import uk.customerhub.api.Channel;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerSummary;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.Identity;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockView;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelineEntryKind;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's document in {@code customer_views}: everything needed to answer the single view, for every kind of
 * viewer, with one read of it and one {@code $in} of its newest timeline entries (kept in their own documents, not
 * copied here: this document is rewritten by every event of the customer, so it is kept small). Beside the profile,
 * identities and open service requests it keeps two sets of figures: over every entry (for staff) and over the
 * resident-visible entries only (for the resident). Staff
 * must not learn of restricted entries outside their specialisms, not even by their count, so it also keeps, per
 * specialism, how many restricted entries there are and on which channels, to subtract them.
 * <p>
 * Statutory clocks are kept while they run (open or overdue) and, once stopped, only the
 * {@value #STOPPED_CLOCKS} most recently stopped, so staff see an answer recorded; the others leave the view.
 * <p>
 * Its size is bounded by the customer's identities, open requests and running clocks, never by the length of the
 * timeline.
 */
final class StoredCustomerView {
    static final String POSITION = "position";
    /** How many of the most recent entries the view keeps. */
    static final int RECENT_ENTRIES = 10;
    /** How many stopped statutory clocks the view keeps, the most recently stopped. */
    static final int STOPPED_CLOCKS = 5;

    private static final String ORGANISATION = "organisation";
    private static final String CATEGORY = "category";
    /** Present (true) only on a provisional record. */
    private static final String PROVISIONAL = "provisional";
    private static final String PROFILE = "profile";
    private static final String IDENTITIES = "identities";
    private static final String DIGITAL_ID_KEYS = "digitalIdKeys";
    private static final String OPEN_SERVICE_REQUESTS = "openServiceRequests";
    private static final String STATUTORY_CLOCKS = "statutoryClocks";
    private static final String ENTRY_COUNT = "entryCount";
    private static final String RESIDENT_ENTRY_COUNT = "residentEntryCount";
    private static final String CONTACTS_BY_CHANNEL = "contactsByChannel";
    private static final String RESIDENT_CONTACTS_BY_CHANNEL = "residentContactsByChannel";
    private static final String RESTRICTED = "restricted";
    private static final String FILTER_COUNTS = "filterCounts";
    /**
     * Views once kept copies of their most recent entries here (about 1 KB each, 20 of them); they are read from the
     * timeline's own documents now, and a view written again drops these fields.
     */
    private static final String FORMER_RECENT = "recentEntries";
    private static final String FORMER_RECENT_RESIDENT = "recentResidentEntries";
    private static final String REGISTERED_AT = "registeredAt";
    private static final String UPDATED_AT = "updatedAt";

    /** Overdue clocks first, then open ones, each by due date; then stopped ones, the most recently stopped first. */
    static final Comparator<StatutoryClockView> MOST_URGENT_FIRST =
            Comparator.comparingInt((StatutoryClockView clock) -> urgency(clock.status()))
                    .thenComparing(clock -> clock.status() == StatutoryClockStatus.STOPPED ? LocalDate.MIN : clock.dueDate())
                    .thenComparing(StatutoryClockView::stoppedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(StatutoryClockView::clockId);

    private final Document document;

    StoredCustomerView(Document document) {
        this.document = document;
    }

    /** The view of a newly registered customer, at the position of its registration. */
    static StoredCustomerView registered(String customerId, String organisation, CustomerCategory category,
                                         CustomerProfile profile, boolean provisional, Instant registeredAt, long position) {
        Document document = new Document("_id", customerId)
                .append(ORGANISATION, organisation)
                .append(CATEGORY, category.name())
                .append(PROFILE, ProfileDocuments.toDocument(profile))
                .append(IDENTITIES, List.of())
                .append(DIGITAL_ID_KEYS, List.of())
                .append(OPEN_SERVICE_REQUESTS, List.of())
                .append(STATUTORY_CLOCKS, List.of())
                .append(ENTRY_COUNT, 0L)
                .append(RESIDENT_ENTRY_COUNT, 0L)
                .append(CONTACTS_BY_CHANNEL, new Document())
                .append(RESIDENT_CONTACTS_BY_CHANNEL, new Document())
                .append(RESTRICTED, new Document())
                .append(REGISTERED_AT, BsonValues.date(registeredAt))
                .append(UPDATED_AT, BsonValues.date(registeredAt))
                .append(POSITION, position);
        if (provisional) {
            document.append(PROVISIONAL, true);
        }
        return new StoredCustomerView(document);
    }

    Document document() {
        return document;
    }

    String customerId() {
        return document.getString("_id");
    }

    String organisation() {
        return document.getString(ORGANISATION);
    }

    /** The sequence number of the last event of the customer's record applied to this view. */
    long position() {
        return document.getLong(POSITION);
    }

    CustomerProfile profile() {
        return ProfileDocuments.fromDocument(document.get(PROFILE, Document.class));
    }

    long entryCount() {
        return document.getLong(ENTRY_COUNT);
    }

    long residentEntryCount() {
        return document.getLong(RESIDENT_ENTRY_COUNT);
    }

    /** Whether a Digital ID subject with this keyed hash is linked to the customer. */
    boolean hasDigitalId(String digitalIdKey) {
        return document.getList(DIGITAL_ID_KEYS, String.class).contains(digitalIdKey);
    }

    void changeProfile(CustomerCategory category, CustomerProfile profile) {
        document.put(CATEGORY, category.name());
        document.put(PROFILE, ProfileDocuments.toDocument(profile));
    }

    /** Links an identity; {@code digitalIdKey} is its keyed hash when it is a Digital ID subject, else null. */
    void linkIdentity(Identity identity, String digitalIdKey) {
        Document linked = IdentityDocuments.toDocument(identity);
        List<Document> identities = new ArrayList<>(document.getList(IDENTITIES, Document.class));
        if (!identities.contains(linked)) {
            identities.add(linked);
            document.put(IDENTITIES, identities);
        }
        if (digitalIdKey != null && !hasDigitalId(digitalIdKey)) {
            List<String> keys = new ArrayList<>(document.getList(DIGITAL_ID_KEYS, String.class));
            keys.add(digitalIdKey);
            document.put(DIGITAL_ID_KEYS, keys);
        }
    }

    void openServiceRequest(OpenServiceRequest request) {
        List<Document> requests = new ArrayList<>(document.getList(OPEN_SERVICE_REQUESTS, Document.class));
        requests.add(OpenServiceRequestDocuments.toDocument(request));
        document.put(OPEN_SERVICE_REQUESTS, requests);
    }

    /**
     * Changes a shown service request (none, if it is not shown), then keeps every open request and only the most
     * recently finished ones ({@link ServiceRequestProgress#bounded}).
     */
    void changeServiceRequest(String serviceRequestId, java.util.function.UnaryOperator<OpenServiceRequest> change) {
        List<OpenServiceRequest> requests = document.getList(OPEN_SERVICE_REQUESTS, Document.class).stream()
                .map(OpenServiceRequestDocuments::fromDocument)
                .map(request -> request.serviceRequestId().equals(serviceRequestId) ? change.apply(request) : request)
                .toList();
        document.put(OPEN_SERVICE_REQUESTS, ServiceRequestProgress.bounded(requests).stream()
                .map(OpenServiceRequestDocuments::toDocument).toList());
    }

    /** Shows a clock that started (again, should a redelivery bring it twice). */
    void startClock(StatutoryClockView clock) {
        List<StatutoryClockView> clocks = new ArrayList<>(clocks());
        clocks.removeIf(shown -> shown.clockId().equals(clock.clockId()));
        clocks.add(clock);
        storeClocks(clocks);
    }

    /** Marks a shown clock overdue, unless it stopped meanwhile. */
    void clockOverdue(String clockId) {
        storeClocks(clocks().stream()
                .map(clock -> clock.clockId().equals(clockId) && clock.status() == StatutoryClockStatus.OPEN
                        ? withStatus(clock, StatutoryClockStatus.OVERDUE, null, null) : clock)
                .toList());
    }

    /** Marks a shown clock stopped, keeping only the most recently stopped clocks. */
    void clockStopped(String clockId, Instant stoppedAt, StatutoryClockStopReason reason) {
        List<StatutoryClockView> clocks = clocks().stream()
                .map(clock -> clock.clockId().equals(clockId)
                        ? withStatus(clock, StatutoryClockStatus.STOPPED, stoppedAt, reason) : clock)
                .toList();
        List<StatutoryClockView> stopped = clocks.stream()
                .filter(clock -> clock.status() == StatutoryClockStatus.STOPPED)
                .sorted(Comparator.comparing(StatutoryClockView::stoppedAt).reversed())
                .toList();
        List<StatutoryClockView> dropped = stopped.subList(Math.min(stopped.size(), STOPPED_CLOCKS), stopped.size());
        storeClocks(clocks.stream().filter(clock -> !dropped.contains(clock)).toList());
    }

    /** The clocks shown, as stored (views stored before clocks existed have none). */
    private List<StatutoryClockView> clocks() {
        return document.getList(STATUTORY_CLOCKS, Document.class, List.of()).stream()
                .map(StatutoryClockDocuments::fromDocument)
                .toList();
    }

    private void storeClocks(List<StatutoryClockView> clocks) {
        document.put(STATUTORY_CLOCKS, clocks.stream().map(StatutoryClockDocuments::toDocument).toList());
    }

    private static int urgency(StatutoryClockStatus status) {
        return switch (status) {
            case OVERDUE -> 0;
            case OPEN -> 1;
            case STOPPED -> 2;
        };
    }

    private static StatutoryClockView withStatus(StatutoryClockView clock, StatutoryClockStatus status,
                                                 Instant stoppedAt, StatutoryClockStopReason reason) {
        return new StatutoryClockView(clock.clockId(), clock.contactId(), clock.kind(), clock.stage(),
                clock.receivedAt(), clock.dueDate(), status, stoppedAt, reason, clock.visibility(), clock.specialism());
    }

    /** Counts an entry numbered in {@link TimelineNumbering#ALL_ENTRIES}. */
    void addEntry(TimelineEntry entry) {
        document.put(ENTRY_COUNT, entry.number());
        countContact(document, CONTACTS_BY_CHANNEL, entry);
        if (entry.visibility() == Visibility.RESTRICTED) {
            Document restricted = document.get(RESTRICTED, Document.class);
            Document ofSpecialism = restricted.get(entry.specialism().name(), Document.class);
            if (ofSpecialism == null) {
                ofSpecialism = new Document(ENTRY_COUNT, 0L).append(CONTACTS_BY_CHANNEL, new Document());
                restricted.put(entry.specialism().name(), ofSpecialism);
            }
            ofSpecialism.put(ENTRY_COUNT, ofSpecialism.getLong(ENTRY_COUNT) + 1);
            countContact(ofSpecialism, CONTACTS_BY_CHANNEL, entry);
        }
    }

    /** Counts an entry numbered in {@link TimelineNumbering#RESIDENT_VISIBLE}. */
    void addResidentEntry(TimelineEntry entry) {
        document.put(RESIDENT_ENTRY_COUNT, entry.number());
        countContact(document, RESIDENT_CONTACTS_BY_CHANNEL, entry);
    }

    /**
     * How many entries a filter of a numbering holds ({@link TimelineFilters}). Views stored before filters
     * existed have no counts: their filters are empty until a replay rebuilds them.
     */
    long filteredCount(TimelineNumbering numbering, String filter) {
        Document counts = document.get(FILTER_COUNTS, Document.class);
        Document ofNumbering = counts == null ? null : counts.get(numbering.name(), Document.class);
        return ofNumbering == null ? 0L : ofNumbering.get(filter, 0L);
    }

    /**
     * Counts an entry numbered {@code number} in a filter of a numbering; a restricted entry of
     * {@link TimelineNumbering#ALL_ENTRIES} is counted under its specialism too, to be subtracted for staff who may
     * not see it.
     */
    void addFiltered(TimelineNumbering numbering, String filter, long number, TimelineEntry entry) {
        Document counts = document.get(FILTER_COUNTS, Document.class);
        if (counts == null) {
            counts = new Document();
            document.put(FILTER_COUNTS, counts);
        }
        Document ofNumbering = counts.get(numbering.name(), Document.class);
        if (ofNumbering == null) {
            ofNumbering = new Document();
            counts.put(numbering.name(), ofNumbering);
        }
        ofNumbering.put(filter, number);
        if (numbering == TimelineNumbering.ALL_ENTRIES && entry.visibility() == Visibility.RESTRICTED) {
            Document ofSpecialism = document.get(RESTRICTED, Document.class).get(entry.specialism().name(), Document.class);
            Document restrictedCounts = ofSpecialism.get(FILTER_COUNTS, Document.class);
            if (restrictedCounts == null) {
                restrictedCounts = new Document();
                ofSpecialism.put(FILTER_COUNTS, restrictedCounts);
            }
            restrictedCounts.put(filter, restrictedCounts.get(filter, 0L) + 1);
        }
    }

    /** How many entries of a filter {@code viewer} may see. */
    long filteredSeenBy(Viewer viewer, String filter) {
        if (viewer.isResident()) {
            return filteredCount(TimelineNumbering.RESIDENT_VISIBLE, filter);
        }
        long hidden = 0;
        for (Document restricted : restrictedHiddenFrom(viewer).values()) {
            Document counts = restricted.get(FILTER_COUNTS, Document.class);
            hidden += counts == null ? 0L : counts.get(filter, 0L);
        }
        return filteredCount(TimelineNumbering.ALL_ENTRIES, filter) - hidden;
    }

    /** Records that the event at {@code position}, recorded at {@code recordedAt}, has been applied. */
    void applied(long position, Instant recordedAt) {
        document.put(POSITION, position);
        document.put(UPDATED_AT, BsonValues.date(recordedAt));
        document.remove(FORMER_RECENT);
        document.remove(FORMER_RECENT_RESIDENT);
    }

    /** The numbering whose newest entries {@code viewer} is shown: the resident-visible one for a resident. */
    static TimelineNumbering numberingFor(Viewer viewer) {
        return viewer.isResident() ? TimelineNumbering.RESIDENT_VISIBLE : TimelineNumbering.ALL_ENTRIES;
    }

    /** The number of the newest entry of {@code numbering} (0 when it has none). */
    long newestEntry(TimelineNumbering numbering) {
        return numbering == TimelineNumbering.RESIDENT_VISIBLE ? residentEntryCount() : entryCount();
    }

    /**
     * The single view as {@code viewer} may see it; whether they may see this customer at all is for
     * {@link ViewerAccess} to decide. A resident gets the resident-visible figures and entries. Staff get the figures
     * over every entry less the restricted ones they may not see. {@code recent} are the entries among the
     * {@value #RECENT_ENTRIES} newest of the viewer's numbering ({@link #numberingFor}) that they may see, newest
     * first: so fewer than {@value #RECENT_ENTRIES} when some of the most recent are hidden from them. They are read
     * from the timeline's documents, not kept here, so the view a batch of events rewrites stays small.
     */
    CustomerView seenBy(Viewer viewer, List<TimelineEntry> recent) {
        recent = recent.stream().map(this::marked).toList();
        List<OpenServiceRequest> openRequests = document.getList(OPEN_SERVICE_REQUESTS, Document.class).stream()
                .map(OpenServiceRequestDocuments::fromDocument)
                .filter(request -> viewer.maySee(request.visibility(), request.specialism()))
                .toList();
        List<StatutoryClockView> clocks = clocks().stream()
                .filter(clock -> viewer.maySee(clock.visibility(), clock.specialism()))
                .sorted(MOST_URGENT_FIRST)
                .toList();
        return new CustomerView(customerId(),
                organisation(),
                category(),
                profile(),
                document.getList(IDENTITIES, Document.class).stream().map(IdentityDocuments::fromDocument).toList(),
                openRequests,
                clocks,
                contactsByChannelSeenBy(viewer),
                recent,
                entriesSeenBy(viewer),
                BsonValues.instant(document, REGISTERED_AT),
                BsonValues.instant(document, UPDATED_AT),
                position(),
                mergedRecords(),
                mergedInto(),
                document.getBoolean(PROVISIONAL));
    }

    /** How many timeline entries {@code viewer} may see. */
    long entriesSeenBy(Viewer viewer) {
        if (viewer.isResident()) {
            return residentEntryCount();
        }
        long hidden = 0;
        for (Map.Entry<Specialism, Document> restricted : restrictedHiddenFrom(viewer).entrySet()) {
            hidden += restricted.getValue().getLong(ENTRY_COUNT);
        }
        return entryCount() - hidden;
    }

    CustomerSummary summary() {
        CustomerProfile profile = profile();
        return new CustomerSummary(customerId(), profile.name(), category(),
                profile.address() == null ? null : profile.address().postcode());
    }

    private CustomerCategory category() {
        return BsonValues.enumValue(CustomerCategory.class, document, CATEGORY);
    }

    private Map<Channel, Long> contactsByChannelSeenBy(Viewer viewer) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        if (viewer.isResident()) {
            addCounts(counts, document.get(RESIDENT_CONTACTS_BY_CHANNEL, Document.class), 1);
        } else {
            addCounts(counts, document.get(CONTACTS_BY_CHANNEL, Document.class), 1);
            restrictedHiddenFrom(viewer).values()
                    .forEach(restricted -> addCounts(counts, restricted.get(CONTACTS_BY_CHANNEL, Document.class), -1));
        }
        counts.values().removeIf(count -> count == 0);
        return Collections.unmodifiableMap(counts);
    }

    private Map<Specialism, Document> restrictedHiddenFrom(Viewer viewer) {
        Map<Specialism, Document> hidden = new EnumMap<>(Specialism.class);
        Document restricted = document.get(RESTRICTED, Document.class);
        for (Specialism specialism : Specialism.values()) {
            Document ofSpecialism = restricted.get(specialism.name(), Document.class);
            if (ofSpecialism != null && !viewer.maySee(Visibility.RESTRICTED, specialism)) {
                hidden.put(specialism, ofSpecialism);
            }
        }
        return hidden;
    }

    private static void addCounts(Map<Channel, Long> counts, Document byChannel, long sign) {
        byChannel.forEach((channel, count) -> counts.merge(Channel.valueOf(channel), sign * (Long) count, Long::sum));
    }

    private static void countContact(Document holder, String field, TimelineEntry entry) {
        if (entry.kind() == TimelineEntryKind.CONTACT) {
            Document byChannel = holder.get(field, Document.class);
            byChannel.put(entry.channel().name(), byChannel.get(entry.channel().name(), 0L) + 1);
        }
    }


    // ---- merges: which records are merged into this one, or which it was merged into (absent when none) ----

    private static final String MERGED_INTO = "mergedInto";
    private static final String MERGED_RECORDS = "mergedRecords";

    /** The record this one was merged into, or null. */
    String mergedInto() {
        return document.getString(MERGED_INTO);
    }

    /** The records merged into this one, in the order they were merged. */
    List<String> mergedRecords() {
        return document.getList(MERGED_RECORDS, String.class, List.of());
    }

    void mergeInto(String survivorCustomerId) {
        document.put(MERGED_INTO, survivorCustomerId);
    }

    /** No longer merged: the field goes, so the document is again as it was before the merge. */
    void unmergeFrom() {
        document.remove(MERGED_INTO);
    }

    void addMergedRecord(String retiredCustomerId) {
        List<String> records = new ArrayList<>(mergedRecords());
        if (!records.contains(retiredCustomerId)) {
            records.add(retiredCustomerId);
        }
        document.put(MERGED_RECORDS, records);
    }

    /** Drops a merged record; the field goes with the last, so the document is again as it was before the merge. */
    void removeMergedRecord(String retiredCustomerId) {
        List<String> records = new ArrayList<>(mergedRecords());
        records.remove(retiredCustomerId);
        if (records.isEmpty()) {
            document.remove(MERGED_RECORDS);
        } else {
            document.put(MERGED_RECORDS, records);
        }
    }

    // ---- moves: contacts an agent moved from this record to another (absent when none) ----

    private static final String MOVED_CONTACTS = "movedContacts";

    /**
     * An agent moved a contact to another record: its entries stay, marked as moved as they are read
     * ({@link #marked}); the service request raised through it and its statutory clocks leave this view (the
     * destination's shows them).
     */
    void moveOut(String contactId, String toCustomerId, String serviceRequestId) {
        List<Document> moved = new ArrayList<>(document.getList(MOVED_CONTACTS, Document.class, List.of()));
        moved.removeIf(earlier -> contactId.equals(earlier.getString("contactId")));
        moved.add(new Document("contactId", contactId).append("to", toCustomerId));
        document.put(MOVED_CONTACTS, moved);
        if (serviceRequestId != null) {
            document.put(OPEN_SERVICE_REQUESTS, document.getList(OPEN_SERVICE_REQUESTS, Document.class).stream()
                    .filter(request -> !serviceRequestId.equals(request.getString("serviceRequestId")))
                    .toList());
        }
        storeClocks(clocks().stream().filter(clock -> !contactId.equals(clock.contactId())).toList());
    }

    /** An entry as this record shows it: marked with the record its contact was moved to, if it was. */
    TimelineEntry marked(TimelineEntry entry) {
        if (entry.contactId() == null || !document.containsKey(MOVED_CONTACTS)) {
            return entry;
        }
        return document.getList(MOVED_CONTACTS, Document.class).stream()
                .filter(moved -> entry.contactId().equals(moved.getString("contactId")))
                .findFirst()
                .map(moved -> entry.movedTo(moved.getString("to")))
                .orElse(entry);
    }
}
