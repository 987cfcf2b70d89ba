package uk.customerhub.api;

/** A customer's integrated record was opened. {@code personal} holds all personal data of the event. */
public record CustomerRegistered(String customerId, CustomerCategory category, CustomerProfile personal) {
}
