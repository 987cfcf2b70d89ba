package uk.customerhub.api;

/**
 * On the destination of a move: the contact {@code moved} describes, moved here by an agent from
 * {@code fromCustomerId}'s record, with the service request raised through it (its provider, updates and service
 * level clock) and its statutory clocks, which this record keeps from now on. Who and why are in the metadata
 * ({@link Provenance}, {@link ContactMovedOut#REASON}).
 */
public record ContactMovedIn(String customerId, String fromCustomerId, MovedContact moved) {
}
