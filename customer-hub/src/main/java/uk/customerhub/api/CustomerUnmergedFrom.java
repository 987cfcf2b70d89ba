package uk.customerhub.api;

/**
 * On the retired record: it is a record of its own again, no longer merged into {@code survivorCustomerId}. Who and
 * why are in the metadata ({@link Provenance}, {@link CustomersMerged#REASON}).
 */
public record CustomerUnmergedFrom(String customerId, String survivorCustomerId) {
}
