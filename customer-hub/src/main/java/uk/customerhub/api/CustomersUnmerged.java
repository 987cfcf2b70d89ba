package uk.customerhub.api;

/**
 * On the surviving record: the record {@code retiredCustomerId} is no longer merged into it; its history leaves this
 * record's view. Who and why are in the metadata ({@link Provenance}, {@link CustomersMerged#REASON}).
 */
public record CustomersUnmerged(String customerId, String retiredCustomerId) {
}
