package uk.customerhub.projections.customerview;

import uk.customerhub.api.Channel;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.Identity;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.StatutoryClockView;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The single view of a surviving record shows the records merged into it beside its own history. Nothing is copied
 * or moved when records are merged: each record keeps its own view and timeline, exactly as its own events built
 * them, and a survivor's view notes which records are merged into it ({@link StoredCustomerView#mergedRecords()}).
 * The answer is combined as it is read: identities, open requests, statutory clocks and counts of all the records
 * together; the recent entries and the timeline merged into one, in the order the hub recorded them, numbered
 * across the records and each showing which merged record it is on ({@link TimelineEntry#mergedFrom()}).
 * <p>
 * So an unmerge restores both views exactly: the note goes, and every contact is where it was first recorded.
 * Contacts that arrive while merged go to the survivor's own record and stay there.
 * <p>
 * A merged timeline page newest first reads, from each record, its newest entries the viewer may see, backwards in
 * blocks by {@code _id}, until it has as many as the page needs or the record has no more: bounded by the page's
 * depth, never a scan.
 */
final class MergedViews {
    private final CustomerViewStore store;

    MergedViews(CustomerViewStore store) {
        this.store = store;
    }

    /** The survivor's view as {@code viewer} may see it, with the records merged into it. */
    CustomerView seenBy(Viewer viewer, StoredCustomerView survivor, List<StoredCustomerView> merged) {
        CustomerView own = survivor.seenBy(viewer, recent(survivor, viewer));
        if (merged.isEmpty()) {
            return own;
        }
        List<CustomerView> views = new ArrayList<>();
        views.add(own);
        merged.forEach(record -> views.add(record.seenBy(viewer, recent(record, viewer))));

        List<Identity> identities = new ArrayList<>();
        List<OpenServiceRequest> requests = new ArrayList<>();
        List<StatutoryClockView> clocks = new ArrayList<>();
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        List<List<TimelineEntry>> recent = new ArrayList<>();
        long total = 0;
        Instant updatedAt = own.updatedAt();
        for (CustomerView view : views) {
            view.identities().stream().filter(identity -> !identities.contains(identity)).forEach(identities::add);
            requests.addAll(view.openServiceRequests());
            clocks.addAll(view.statutoryClocks());
            view.contactsByChannel().forEach((channel, count) -> byChannel.merge(channel, count, Long::sum));
            recent.add(view.recentEntries());
            total += view.totalEntries();
            updatedAt = view.updatedAt().isAfter(updatedAt) ? view.updatedAt() : updatedAt;
        }
        List<TimelineEntry> newest = numbered(mergeNewestFirst(recent, ids(views)), total)
                .stream().limit(StoredCustomerView.RECENT_ENTRIES).toList();
        return new CustomerView(own.customerId(), own.organisation(), own.category(), own.profile(),
                List.copyOf(identities), List.copyOf(requests),
                clocks.stream().sorted(StoredCustomerView.MOST_URGENT_FIRST).toList(),
                Collections.unmodifiableMap(byChannel), newest, total, own.registeredAt(), updatedAt,
                own.position(), own.mergedRecords(), own.mergedInto(), own.provisional());
    }

    /**
     * The entries among the {@value StoredCustomerView#RECENT_ENTRIES} newest of a record's timeline (in the viewer's
     * numbering) that the viewer may see, newest first and without transcripts: one {@code $in} by {@code _id}.
     */
    private List<TimelineEntry> recent(StoredCustomerView record, Viewer viewer) {
        TimelineNumbering numbering = StoredCustomerView.numberingFor(viewer);
        long newest = record.newestEntry(numbering);
        if (newest < 1) {
            return List.of();
        }
        long oldest = Math.max(1, newest - StoredCustomerView.RECENT_ENTRIES + 1);
        return store.entries(numbering, record.customerId(), oldest, newest).stream()
                .filter(entry -> viewer.maySee(entry.visibility(), entry.specialism()))
                .sorted(Comparator.comparingLong(TimelineEntry::number).reversed())
                .map(TimelineEntry::withoutTranscript)
                .toList();
    }

    /** A page of the survivor's timeline merged with the records merged into it, newest first. */
    TimelinePage page(StoredCustomerView survivor, List<StoredCustomerView> merged, FetchTimelinePage query) {
        Viewer viewer = query.viewer();
        TimelineNumbering numbering = viewer.isResident() ? TimelineNumbering.RESIDENT_VISIBLE : TimelineNumbering.ALL_ENTRIES;
        String filter = TimelineFilters.key(query.channel(), query.type());
        List<StoredCustomerView> records = new ArrayList<>();
        records.add(survivor);
        records.addAll(merged);
        long wanted = (long) (query.page() + 1) * query.size();
        List<List<TimelineEntry>> newestOfEach = new ArrayList<>();
        long total = 0;
        for (StoredCustomerView record : records) {
            newestOfEach.add(newestSeen(record, numbering, filter, viewer, wanted));
            total += filter == null ? record.entriesSeenBy(viewer) : record.filteredSeenBy(viewer, filter);
        }
        List<String> ids = records.stream().map(StoredCustomerView::customerId).toList();
        long skipped = (long) query.page() * query.size();
        List<TimelineEntry> entries = numbered(mergeNewestFirst(newestOfEach, ids), total).stream()
                .skip(skipped)
                .limit(query.size())
                .toList();
        return new TimelinePage(survivor.customerId(), entries, query.page(), query.size(), total);
    }

    /** Up to {@code wanted} of the newest entries of one record that the viewer may see, newest first. */
    private List<TimelineEntry> newestSeen(StoredCustomerView record, TimelineNumbering numbering, String filter,
                                           Viewer viewer, long wanted) {
        long numbered = filter != null ? record.filteredCount(numbering, filter)
                : numbering == TimelineNumbering.RESIDENT_VISIBLE ? record.residentEntryCount() : record.entryCount();
        List<TimelineEntry> seen = new ArrayList<>();
        long newest = numbered;
        while (seen.size() < wanted && newest >= 1) {
            long oldest = Math.max(1, newest - (wanted - seen.size()) + 1);
            List<TimelineEntry> read = filter == null
                    ? store.entries(numbering, record.customerId(), oldest, newest)
                    : store.filteredEntries(numbering, record.customerId(), filter, oldest, newest);
            read.stream()
                    .filter(entry -> viewer.maySee(entry.visibility(), entry.specialism()))
                    .map(record::marked)
                    .sorted(Comparator.comparingLong(TimelineEntry::number).reversed())
                    .forEach(seen::add);
            newest = oldest - 1;
        }
        return seen;
    }

    /**
     * Merges each record's entries (each newest first) into one list newest first, by the time the hub recorded them;
     * each record's own order is kept, and on the same instant the survivor's entry (then the earlier merged
     * record's) counts as the newer. Entries of merged records are marked with the record they are on.
     */
    private static List<TimelineEntry> mergeNewestFirst(List<List<TimelineEntry>> lists, List<String> records) {
        int[] next = new int[lists.size()];
        List<TimelineEntry> merged = new ArrayList<>();
        while (true) {
            int pick = -1;
            for (int i = 0; i < lists.size(); i++) {
                if (next[i] < lists.get(i).size() && (pick < 0 || lists.get(i).get(next[i]).recordedAt()
                        .isAfter(lists.get(pick).get(next[pick]).recordedAt()))) {
                    pick = i;
                }
            }
            if (pick < 0) {
                return merged;
            }
            TimelineEntry entry = lists.get(pick).get(next[pick]++);
            merged.add(pick == 0 ? entry : entry.asMerged(entry.number(), records.get(pick)));
        }
    }

    /** Numbers a list newest first across the merged records: the newest is {@code total}, then one less each. */
    private static List<TimelineEntry> numbered(List<TimelineEntry> newestFirst, long total) {
        List<TimelineEntry> numbered = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            TimelineEntry entry = newestFirst.get(i);
            numbered.add(entry.asMerged(total - i, entry.mergedFrom()));
        }
        return numbered;
    }

    private static List<String> ids(List<CustomerView> views) {
        return views.stream().map(CustomerView::customerId).toList();
    }
}
