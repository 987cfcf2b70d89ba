package uk.customerhub.api;

import java.time.Instant;

/**
 * A page of a customer's timeline, newest first, as the hub knew it at {@code asOf} (see
 * {@link FetchCustomerViewAsOf}); optionally only contacts on a channel and/or of a type.
 */
public record FetchTimelinePageAsOf(String customerId, Instant asOf, Viewer viewer, int page, int size,
                                    Channel channel, ContactType type) {
    public FetchTimelinePageAsOf {
        Require.id("customerId", customerId);
        Require.present("asOf", asOf);
        Require.present("viewer", viewer);
        // the same paging rules as the live timeline
        new FetchTimelinePage(customerId, viewer, page, size, null, channel, type);
    }
}
