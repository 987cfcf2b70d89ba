package uk.customerhub.api;

/**
 * On the record a contact was on: an agent moved it to {@code toCustomerId}'s record, as {@code moved} describes it
 * (what the destination takes in). Nothing is deleted: the record still shows the contact, marked as moved and where
 * to; the service request raised through it and its statutory clocks are the destination's from now on. Who and why
 * are in the metadata ({@link Provenance}, {@link #REASON}).
 */
public record ContactMovedOut(String customerId, String contactId, String toCustomerId, MovedContact moved) {
    /** Metadata key of the agent's reason for a move, on both of its events. */
    public static final String REASON = "moveReason";
}
