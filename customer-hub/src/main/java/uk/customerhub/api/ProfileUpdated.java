package uk.customerhub.api;

/** A customer's profile changed; {@code personal} is the whole profile as it now stands. */
public record ProfileUpdated(String customerId, CustomerCategory category, CustomerProfile personal) {
}
