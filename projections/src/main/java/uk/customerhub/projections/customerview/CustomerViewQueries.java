package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.customerhub.api.CandidateMatches;
import uk.customerhub.api.CustomerMatches;
import uk.customerhub.api.CustomerSummary;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.FindCandidateCustomers;
import uk.customerhub.api.FindCustomersByIdentity;
import uk.customerhub.api.FindCustomersBySurnameAndPostcode;
import uk.customerhub.api.FindSurvivingRecord;
import uk.customerhub.api.SurvivingRecord;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;
import uk.customerhub.identity.KeyedHash;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Answers the single-view queries from what {@link CustomerViewProjection} stored, showing each viewer only what
 * they may see ({@link ViewerAccess}, {@link Viewer#maySee}). A customer the viewer may not see is answered exactly
 * as an unknown one: an empty result.
 * <p>
 * A query that gives an {@code awaitPosition} first waits, polling every {@value #POLL_MILLIS} ms for at most the
 * await timeout, until the customer's view has reached that position; then it answers with what there is.
 */
public class CustomerViewQueries {
    /** How long a query waits at most for the view to reach the position it asks for, unless told otherwise. */
    public static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofSeconds(5);
    static final long POLL_MILLIS = 20;
    private static final Logger log = LoggerFactory.getLogger(CustomerViewQueries.class);

    private final CustomerViewStore store;
    private final LookupKeys lookupKeys;
    private final ViewerAccess access;
    private final Duration awaitTimeout;
    private final MergedViews merged;

    public CustomerViewQueries(MongoDatabase database, KeyedHash hasher) {
        this(database, hasher, DEFAULT_AWAIT_TIMEOUT);
    }

    public CustomerViewQueries(MongoDatabase database, KeyedHash hasher, Duration awaitTimeout) {
        this(new CustomerViewStore(database), new LookupKeys(hasher), awaitTimeout);
    }

    /** The queries answered from another store: the view as of an instant is answered from memory ({@link ViewAsOf}). */
    CustomerViewQueries(CustomerViewStore store, LookupKeys lookupKeys, Duration awaitTimeout) {
        this.store = store;
        this.lookupKeys = lookupKeys;
        this.access = new ViewerAccess(lookupKeys);
        this.awaitTimeout = awaitTimeout;
        this.merged = new MergedViews(store);
    }

    @QueryHandler
    public Optional<CustomerView> handle(FetchCustomerView query) {
        return visibleView(query.customerId(), query.viewer(), query.awaitPosition())
                .map(view -> merged.seenBy(query.viewer(), view, mergedInto(view)));
    }

    /**
     * A page of the timeline, newest first. A resident pages through the resident-visible entries, numbered without
     * gaps. Staff page through every entry: the entries of a page they may not see (restricted to another
     * specialism) are left out after it is read, so such a page holds fewer than {@code size} entries, while
     * {@code totalEntries} counts only what they may see.
     */
    @QueryHandler
    public Optional<TimelinePage> handle(FetchTimelinePage query) {
        return visibleView(query.customerId(), query.viewer(), query.awaitPosition())
                .map(view -> view.mergedRecords().isEmpty() ? page(view, query)
                        : merged.page(view, mergedInto(view), query));
    }

    /** Customers holding an identity: every one for an e-mail or phone a household shares; one at most otherwise. */
    @QueryHandler
    public CustomerMatches handle(FindCustomersByIdentity query) {
        List<String> customerIds = store.lookup(lookupKeys.identity(query.viewer().organisation(), query.identity()));
        if (query.identity().kind().exclusive() && customerIds.size() > 1) {
            log.error("{} customers hold the same {}: answering none until the records are put right",
                    customerIds.size(), query.identity().kind());
            return new CustomerMatches(List.of());
        }
        return matches(customerIds, query.viewer(), access::mayFindByIdentity);
    }

    @QueryHandler
    public CustomerMatches handle(FindCustomersBySurnameAndPostcode query) {
        String key = lookupKeys.surnameAndPostcode(query.viewer().organisation(), query.surname(), query.postcode());
        return matches(store.lookup(key), query.viewer(), access::maySee);
    }

    /**
     * Candidate matches for staff, gathered from lookup documents only (identities by e-mail and phone, and the
     * profile keys of {@link LookupKeys}), then loaded by {@code $in} and scored: never a scan of the customers.
     */
    @QueryHandler
    public CandidateMatches handle(FindCandidateCustomers query) {
        Viewer viewer = query.viewer();
        if (!access.mayMatch(viewer)) {
            return new CandidateMatches(List.of());
        }
        return CandidateScoring.matches(query, viewer.organisation(), lookupKeys, store,
                view -> access.mayMatch(viewer, view));
    }

    private TimelinePage page(StoredCustomerView view, FetchTimelinePage query) {
        Viewer viewer = query.viewer();
        TimelineNumbering numbering = viewer.isResident() ? TimelineNumbering.RESIDENT_VISIBLE : TimelineNumbering.ALL_ENTRIES;
        String filter = TimelineFilters.key(query.channel(), query.type());
        long numbered = filter != null ? view.filteredCount(numbering, filter)
                : viewer.isResident() ? view.residentEntryCount() : view.entryCount();
        long newest = numbered - (long) query.page() * query.size();
        long oldest = Math.max(1, newest - query.size() + 1);
        List<TimelineEntry> read = newest < 1 ? List.of()
                : filter == null ? store.entries(numbering, view.customerId(), oldest, newest)
                : store.filteredEntries(numbering, view.customerId(), filter, oldest, newest);
        List<TimelineEntry> entries = read.stream()
                .filter(entry -> viewer.maySee(entry.visibility(), entry.specialism()))
                .map(view::marked)
                .sorted(Comparator.comparingLong(TimelineEntry::number).reversed())
                .toList();
        long total = filter == null ? view.entriesSeenBy(viewer) : view.filteredSeenBy(viewer, filter);
        return new TimelinePage(view.customerId(), entries, query.page(), query.size(), total);
    }

    private CustomerMatches matches(List<String> customerIds, Viewer viewer,
                                    BiPredicate<Viewer, StoredCustomerView> mayFind) {
        return new CustomerMatches(survivorsOf(store.views(customerIds)).stream()
                .filter(view -> mayFind.test(viewer, view))
                .map(StoredCustomerView::summary)
                .sorted(Comparator.comparing(CustomerSummary::customerId))
                .toList());
    }

    /**
     * The customer's view if the viewer may see it. Given a position, waits until the view has reached it and the
     * viewer may see it — a resident's own record becomes theirs only once their Digital ID link is projected, a
     * moment after it is registered — or until the await timeout; then answers with what there is.
     */
    private Optional<StoredCustomerView> visibleView(String customerId, Viewer viewer, Long awaitPosition) {
        long deadline = System.nanoTime() + awaitTimeout.toNanos();
        while (true) {
            Optional<StoredCustomerView> visible = store.view(customerId).filter(view -> maySee(viewer, view));
            boolean reached = awaitPosition == null || visible.map(view -> view.position() >= awaitPosition).orElse(false);
            if (reached || System.nanoTime() >= deadline) {
                return visible;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return visible;
            }
        }
    }

    // ---- merges: a lookup finds the survivor in place of a retired record; a survivor's view shows its merged records

    /**
     * The records merged into a surviving record, as far as their views exist: read in one {@code $in}, and only
     * when there are any.
     */
    private List<StoredCustomerView> mergedInto(StoredCustomerView survivor) {
        List<String> ids = survivor.mergedRecords();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<StoredCustomerView> found = store.views(ids);
        return ids.stream()
                .flatMap(id -> found.stream().filter(view -> view.customerId().equals(id)))
                .toList();
    }

    /** Each view found by a lookup, or in place of a retired record, the record it was merged into (once each). */
    private List<StoredCustomerView> survivorsOf(List<StoredCustomerView> found) {
        List<String> survivorIds = found.stream().map(StoredCustomerView::mergedInto).filter(Objects::nonNull).toList();
        if (survivorIds.isEmpty()) {
            return found;
        }
        Map<String, StoredCustomerView> views = new LinkedHashMap<>();
        found.stream().filter(view -> view.mergedInto() == null).forEach(view -> views.put(view.customerId(), view));
        store.views(survivorIds).forEach(view -> views.putIfAbsent(view.customerId(), view));
        return List.copyOf(views.values());
    }

    /**
     * Whether {@code viewer} may see this record: as {@link ViewerAccess} says, or — a resident whose Digital ID is
     * on a record merged into this one — as their own record now.
     */
    private boolean maySee(Viewer viewer, StoredCustomerView view) {
        return access.maySee(viewer, view)
                || viewer.isResident() && mergedInto(view).stream().anyMatch(merged -> access.maySee(viewer, merged));
    }

    /** The record that takes a customer's contacts now: the one it was merged into, else itself (also when unknown). */
    @QueryHandler
    public SurvivingRecord handle(FindSurvivingRecord query) {
        String survivor = store.view(query.customerId()).map(StoredCustomerView::mergedInto).orElse(null);
        return new SurvivingRecord(survivor != null ? survivor : query.customerId(), survivor != null);
    }
}
