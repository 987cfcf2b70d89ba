package uk.customerhub.api;

import java.time.Instant;

/** The hub could not deliver a webhook about this service request to its provider: staff must follow it up. */
public record ServiceRequestDeliveryFailed(String customerId,
                                           String serviceRequestId,
                                           String providerId,
                                           String webhookId,
                                           int attempts,
                                           String lastError,
                                           Instant failedAt) {
}
