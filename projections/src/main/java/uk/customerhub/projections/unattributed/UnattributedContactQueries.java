package uk.customerhub.projections.unattributed;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import uk.customerhub.api.FetchTriageQueue;
import uk.customerhub.api.FetchUnattributedContact;
import uk.customerhub.api.Role;
import uk.customerhub.api.TriageQueuePage;
import uk.customerhub.api.UnattributedContactView;
import uk.customerhub.api.UnattributedStatus;
import uk.customerhub.api.Viewer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers the queue queries from what {@link UnattributedContactProjection} stored. Unattributed contacts are for
 * staff of the organisation they arrived at (agents, specialists, administrators); a restricted one only for
 * specialists of its specialism. Anyone else is answered as if there were nothing: an empty page, no contact.
 */
public class UnattributedContactQueries {
    /** How long a query waits at most for a contact to reach the position it asks for, unless told otherwise. */
    public static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofSeconds(5);
    static final long POLL_MILLIS = 20;
    private static final Set<Role> STAFF = Set.of(Role.AGENT, Role.SPECIALIST, Role.ADMIN);

    private final TriageQueueStore store;
    private final Duration awaitTimeout;

    public UnattributedContactQueries(MongoDatabase database) {
        this(database, DEFAULT_AWAIT_TIMEOUT);
    }

    public UnattributedContactQueries(MongoDatabase database, Duration awaitTimeout) {
        this.store = new TriageQueueStore(database, TriageQueueStore.DEFAULT_BUCKET_SIZE);
        this.awaitTimeout = awaitTimeout;
    }

    /**
     * A page of a queue, newest first: the head's counts tell which buckets hold the page, one {@code $in} reads
     * them and one more the contacts.
     */
    @QueryHandler
    public TriageQueuePage handle(FetchTriageQueue query) {
        Viewer viewer = query.viewer();
        if (!STAFF.contains(viewer.role())) {
            return new TriageQueuePage(query.queue(), List.of(), query.page(), query.size(), 0);
        }
        Map<Long, Long> counts = store.counts(viewer.organisation(), query.queue());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long skip = (long) query.page() * query.size();
        long before = 0;
        long seen = 0;
        List<Long> bucketsOfPage = new ArrayList<>();
        for (Map.Entry<Long, Long> bucket : counts.entrySet()) {
            long end = seen + bucket.getValue();
            if (end > skip && seen < skip + query.size()) {
                if (bucketsOfPage.isEmpty()) {
                    before = seen;
                }
                bucketsOfPage.add(bucket.getKey());
            }
            seen = end;
        }
        List<String> ids = store.idsNewestFirst(viewer.organisation(), query.queue(), bucketsOfPage);
        int from = (int) Math.min(ids.size(), skip - before);
        List<String> pageIds = ids.subList(from, Math.min(ids.size(), from + query.size()));
        Map<String, UnattributedContactView> found = store.contacts(pageIds).stream()
                .filter(contact -> maySee(viewer, contact) && contact.status() == UnattributedStatus.OPEN)
                .collect(Collectors.toMap(StoredUnattributedContact::contactId, contact -> contact.view(false)));
        List<UnattributedContactView> entries = pageIds.stream().map(found::get).filter(entry -> entry != null).toList();
        return new TriageQueuePage(query.queue(), entries, query.page(), query.size(), total);
    }

    /**
     * One contact, with its transcript. Given a position, waits until the contact's document has reached it, or
     * until the await timeout; then answers with what there is.
     */
    @QueryHandler
    public Optional<UnattributedContactView> handle(FetchUnattributedContact query) {
        long deadline = System.nanoTime() + awaitTimeout.toNanos();
        while (true) {
            Optional<StoredUnattributedContact> visible = store.contact(query.contactId())
                    .filter(contact -> maySee(query.viewer(), contact));
            boolean reached = query.awaitPosition() == null
                    || visible.map(contact -> contact.position() >= query.awaitPosition()).orElse(false);
            if (reached || System.nanoTime() >= deadline) {
                return visible.map(contact -> contact.view(true));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return visible.map(contact -> contact.view(true));
            }
        }
    }

    private static boolean maySee(Viewer viewer, StoredUnattributedContact contact) {
        return STAFF.contains(viewer.role())
                && viewer.organisation().equals(contact.organisation())
                && viewer.maySee(contact.visibility(), contact.specialism());
    }
}
