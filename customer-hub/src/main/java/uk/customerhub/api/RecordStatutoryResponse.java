package uk.customerhub.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that the council responded to the FOI request, subject access request or complaint (its current stage)
 * recorded as contact {@code contactId}, at {@code respondedAt} (now when left out): its clock stops. Recording it
 * again once the clock has stopped answers the first receipt and records nothing.
 */
public record RecordStatutoryResponse(@TargetAggregateIdentifier String customerId, String contactId, Instant respondedAt) {
    public RecordStatutoryResponse {
        Require.id("customerId", customerId);
        Require.id("contactId", contactId);
    }
}
