package uk.customerhub.api;

import java.time.Instant;

/**
 * The single view of a customer as the hub knew it at {@code asOf}: built from the events it had recorded by then
 * (the time each was recorded, not the time a contact says it happened), shown as the viewer may see it.
 */
public record FetchCustomerViewAsOf(String customerId, Instant asOf, Viewer viewer) {
    public FetchCustomerViewAsOf {
        Require.id("customerId", customerId);
        Require.present("asOf", asOf);
        Require.present("viewer", viewer);
    }
}
