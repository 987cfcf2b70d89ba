package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The hub gave up delivering a webhook about a service request to its provider (retries exhausted, or the endpoint
 * is disabled). Idempotent on {@code webhookId}.
 */
public record RecordDeliveryFailure(@TargetAggregateIdentifier String customerId,
                                    String serviceRequestId,
                                    String providerId,
                                    String webhookId,
                                    int attempts,
                                    String lastError) {
    public RecordDeliveryFailure {
        Require.id("customerId", customerId);
        Require.id("serviceRequestId", serviceRequestId);
        Require.id("providerId", providerId);
        Require.id("webhookId", webhookId);
        lastError = Require.optionalText("lastError", lastError, Limits.SHORT_TEXT);
    }
}
