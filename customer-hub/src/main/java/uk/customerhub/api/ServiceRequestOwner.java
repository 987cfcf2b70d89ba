package uk.customerhub.api;

/** The customer whose record holds a service request, and the contact it was raised through. */
public record ServiceRequestOwner(String customerId, String contactId) {
}
