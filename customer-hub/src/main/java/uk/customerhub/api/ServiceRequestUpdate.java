package uk.customerhub.api;

import java.time.Instant;

/**
 * One status update of a service request as the single view shows it: the status in Open311's words
 * ({@code action_scheduled}), the provider's own status code, its note to the customer, and when the provider says it
 * happened ({@code updatedAt}).
 */
public record ServiceRequestUpdate(String status, String externalStatusCode, String note, Instant updatedAt, String providerId) {
}
