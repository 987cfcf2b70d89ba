package uk.customerhub.api;

/**
 * The single view of one customer, as the viewer may see it. When {@code awaitPosition} is given, the answer waits
 * (for a bounded time) until the view has reached that position of the customer's record. Answers an empty result
 * when there is no such customer or the viewer may not see it.
 */
public record FetchCustomerView(String customerId, Viewer viewer, Long awaitPosition) {
    public FetchCustomerView {
        Require.id("customerId", customerId);
        Require.present("viewer", viewer);
    }
}
