package uk.customerhub.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The single view of a customer: profile, identities, open service requests, statutory clocks (FOI and subject access
 * requests, complaints: what is due when, and what is overdue), counts of contacts by channel and the most recent
 * timeline entries, as the viewer may see them. {@code position} is the position of the customer's record the view
 * reflects; {@code totalEntries} counts the timeline entries the viewer may see. {@code provisional} is true for a
 * provisional record (opened by the hub for a reporter it could not tell apart, see {@link RegisterCustomer}), else
 * absent.
 * <p>
 * Merges: {@code mergedRecords} lists the records merged into this one, whose history the view shows beside its own
 * (their entries, identities, requests, clocks and counts); {@code mergedInto} names the record this one was merged
 * into, which now takes its contacts. Both are empty (null) for a record never merged.
 */
public record CustomerView(String customerId,
                           String organisation,
                           CustomerCategory category,
                           CustomerProfile profile,
                           List<Identity> identities,
                           List<OpenServiceRequest> openServiceRequests,
                           List<StatutoryClockView> statutoryClocks,
                           Map<Channel, Long> contactsByChannel,
                           List<TimelineEntry> recentEntries,
                           long totalEntries,
                           Instant registeredAt,
                           Instant updatedAt,
                           long position,
                           List<String> mergedRecords,
                           String mergedInto,
                           Boolean provisional) {

    /** The view of a record that is not merged with any other. */
    public CustomerView(String customerId, String organisation, CustomerCategory category, CustomerProfile profile,
                        List<Identity> identities, List<OpenServiceRequest> openServiceRequests,
                        List<StatutoryClockView> statutoryClocks, Map<Channel, Long> contactsByChannel,
                        List<TimelineEntry> recentEntries, long totalEntries, Instant registeredAt, Instant updatedAt,
                        long position) {
        this(customerId, organisation, category, profile, identities, openServiceRequests, statutoryClocks,
                contactsByChannel, recentEntries, totalEntries, registeredAt, updatedAt, position, List.of(), null, null);
    }
}
