package uk.customerhub.api;

import java.time.Instant;

/**
 * One provider's status update of a service request as the public may see it (mySociety's Open311
 * {@code servicerequestupdates}): the status in the update vocabulary, its note, and the provider's own status code.
 * Updates of requests the public may not see are never shown.
 */
public record PublicStatusUpdate(String updateId,
                                 String serviceRequestId,
                                 ServiceRequestStatus status,
                                 Instant updatedAt,
                                 String description,
                                 String mediaUrl,
                                 String externalStatusCode) {
}
