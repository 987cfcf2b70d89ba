package uk.customerhub.api;

/**
 * On the retired record: it was merged into {@code survivorCustomerId}, which takes its contacts from now on. Nothing
 * of it is deleted. Who and why are in the metadata ({@link Provenance}, {@link CustomersMerged#REASON}).
 */
public record CustomerMergedInto(String customerId, String survivorCustomerId) {
}
