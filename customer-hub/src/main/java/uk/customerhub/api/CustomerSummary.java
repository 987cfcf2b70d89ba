package uk.customerhub.api;

/** A customer found by a search: enough for staff to pick the right record. */
public record CustomerSummary(String customerId, Name name, CustomerCategory category, String postcode) {
}
