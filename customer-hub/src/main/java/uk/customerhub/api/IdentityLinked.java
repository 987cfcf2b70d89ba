package uk.customerhub.api;

/** An identity (personal data) was linked to a customer. */
public record IdentityLinked(String customerId, Identity personal) {
}
