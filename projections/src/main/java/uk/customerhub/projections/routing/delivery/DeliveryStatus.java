package uk.customerhub.projections.routing.delivery;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** The provider answered 2xx. */
    DELIVERED,
    /** Every attempt failed: a dead letter, and staff were told. */
    FAILED,
    /** The provider's endpoint is disabled (it answered 410 Gone, or ADMIN switched it off): no more attempts. */
    ENDPOINT_DISABLED
}
